// The domain module: the call record, every closed set and label, and the rules every layer shares. It imports
// nothing of ours, so every layer (telephony edge, db, ingest, sync, queries, UI) may import it.
export * from "./sets";
export * from "./record";
export * from "./sources";
export * from "./labels";
export * from "./time";
export * from "./talk-time";
