import { CALL_SOURCES, type CallSource } from "./sets";

/** The bit of a source in `calls.sources`: a call remembers every source it was seen from. */
export function sourceBit(source: CallSource): number {
  return 1 << CALL_SOURCES.indexOf(source);
}

export function sourcesOf(bits: number): CallSource[] {
  return CALL_SOURCES.filter((s) => (bits & sourceBit(s)) !== 0);
}
