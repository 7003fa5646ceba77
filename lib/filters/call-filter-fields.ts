import { z } from "zod";
import { CALL_METHOD_OPTIONS, CALL_SOURCES, DIRECTIONS, directionLabel, HANGUP_SIDES, hangupSideLabel, sourceLabel } from "@/lib/calls";
import type { CallFilterOptions } from "@/lib/queries/filter-options";

/**
 * Every call filter, once, in the filter bar's order: its URL key(s) and their parsers (call-filter.ts assembles the
 * schema from them), its label, its kind (which picks the bar's control, draft and chips) and where its choices come
 * from. A new filter is one entry here plus its condition in lib/queries/call-where.ts (and in analytics-rollup.ts,
 * whose conditionsOf must send it to the calls table unless a rollup dimension answers it).
 */
export const CALL_FILTER_FIELDS = [
  timeRange({ keys: ["from", "to"], label: "Time range", chip: "Time" }),
  choice({ key: "direction", label: "Direction", values: DIRECTIONS, valueLabel: directionLabel }),
  choice({ key: "answered", label: "Answered", values: ["yes", "no"], valueLabel: (v) => (v === "yes" ? "Answered" : "Not answered") }),
  multi({ key: "extension", label: "Extension", item: shortText(), options: (o) => o.extensions.map((x) => ({ value: x, label: x })) }),
  text({ key: "q", label: "Number" }),
  multi({
    key: "callMethod",
    label: "Call method",
    chip: "Method",
    more: true,
    item: z.coerce.number().int().min(0).max(6),
    options: () => CALL_METHOD_OPTIONS.map((m) => ({ value: String(m.code), label: m.label })),
  }),
  multi({
    key: "hangupCause",
    label: "Hangup cause",
    more: true,
    item: z.coerce.number().int().nonnegative(),
    options: (o) => o.hangupCauses.map((c) => ({ value: String(c.code), label: c.label })),
  }),
  multi({
    key: "hangupDirection",
    label: "Hung up by",
    more: true,
    item: z.enum(HANGUP_SIDES),
    options: () => HANGUP_SIDES.map((side) => ({ value: side, label: hangupSideLabel(side) })),
  }),
  text({ key: "agent", label: "Agent", more: true, suggestions: (o) => o.agents }),
  text({ key: "memberId", label: "Member id", more: true }),
  text({ key: "customerId", label: "Customer id", more: true }),
  seconds({ keys: ["billSecMin", "billSecMax"], label: "Talk time", more: true }),
  choice({
    key: "hasRecording",
    label: "Recording",
    more: true,
    values: ["yes", "no"],
    valueLabel: (v) => (v === "yes" ? "Has a recording" : "No recording"),
    allText: "Any",
  }),
  multi({
    key: "source",
    label: "Source",
    more: true,
    item: z.enum(CALL_SOURCES),
    options: () => CALL_SOURCES.map((s) => ({ value: s, label: sourceLabel(s) })),
  }),
];

export type FilterField = (typeof CALL_FILTER_FIELDS)[number];
export type FilterKey = FilterField["keys"][number];
/** A choice of a select or a checkbox list: the value in the URL and what people read. */
export type Option = { value: string; label: string };

/** The filter keys of the schema, each with its field's parser. */
export const CALL_FILTER_SHAPE = shapeOf(CALL_FILTER_FIELDS);

type FilterShape = { [K in FilterKey]: Extract<FilterField["shape"], Record<K, unknown>>[K] };
type Kind = "time" | "choice" | "text" | "multi" | "seconds";
type Described = {
  label: string;
  /** The chip's name, when shorter than the label ("Method: Manual dial"). */
  chip?: string;
  /** Shown behind "More filters". */
  more?: boolean;
};
// What every kind has; `satisfies Base` also keeps each `kind` a literal, which the bar switches on.
type Base = { kind: Kind; keys: readonly string[]; label: string; chip: string; more: boolean; shape: z.ZodRawShape; [own: string]: unknown };

/** A [from, to) range of instants: ISO 8601 in the URL, epoch ms parsed; the bar offers presets and wall-clock times. */
function timeRange<const From extends string, const To extends string>(d: Described & { keys: readonly [From, To] }) {
  return { ...common(d), kind: "time", keys: d.keys, shape: parsers(d.keys, isoInstantMs().optional()) } satisfies Base;
}

/** One value of a closed set, or none. */
function choice<const K extends string, const V extends readonly [string, ...string[]]>(
  d: Described & { key: K; values: V; valueLabel: (value: V[number]) => string; allText?: string },
) {
  const options = d.values.map((value) => ({ value, label: d.valueLabel(value) }));
  return {
    ...common(d),
    kind: "choice",
    key: d.key,
    keys: [d.key],
    options: (_: CallFilterOptions): Option[] => options,
    allText: d.allText ?? "All",
    shape: parsers([d.key], z.enum(d.values).optional()),
  } satisfies Base;
}

/** Free text, trimmed; empty is no filter. */
function text<const K extends string>(d: Described & { key: K; suggestions?: (o: CallFilterOptions) => string[] }) {
  return { ...common(d), kind: "text", key: d.key, keys: [d.key], suggestions: d.suggestions, shape: parsers([d.key], optionalText(64)) } satisfies Base;
}

/** Any number of values (the key repeated in the URL); none is no filter. Dynamic choices come from the page's options. */
function multi<const K extends string, const Item extends z.ZodType>(d: Described & { key: K; item: Item; options: (o: CallFilterOptions) => Option[] }) {
  return { ...common(d), kind: "multi", key: d.key, keys: [d.key], item: d.item, options: d.options, shape: parsers([d.key], list(d.item)) } satisfies Base;
}

/** A range of whole seconds, either end open. */
function seconds<const Min extends string, const Max extends string>(d: Described & { keys: readonly [Min, Max] }) {
  return { ...common(d), kind: "seconds", keys: d.keys, shape: parsers(d.keys, z.coerce.number().int().nonnegative().optional()) } satisfies Base;
}

function common(d: Described) {
  return { label: d.label, chip: d.chip ?? d.label, more: d.more ?? false };
}

function parsers<const K extends string, P extends z.ZodType>(keys: readonly K[], parser: P): Record<K, P> {
  // TypeScript types built keys as any string; the cast restores the ones passed in.
  return Object.fromEntries(keys.map((key) => [key, parser])) as Record<K, P>;
}

function shapeOf(fields: readonly FilterField[]): FilterShape {
  // Each field's shape is typed, but TypeScript cannot follow a merge of them; FilterShape states the result.
  return Object.fromEntries(fields.flatMap((f) => Object.entries(f.shape))) as FilterShape;
}

function isoInstantMs() {
  return z
    .string()
    .trim()
    .refine((v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(v) && !Number.isNaN(Date.parse(v)), {
      error: "must be an ISO 8601 instant with a zone, e.g. 2026-11-28T00:00:00Z",
    })
    .transform((v) => Date.parse(v));
}

function list<T extends z.ZodType>(item: T) {
  return z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item)).default([]);
}

function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));
}

function shortText() {
  return z.string().trim().min(1).max(32);
}
