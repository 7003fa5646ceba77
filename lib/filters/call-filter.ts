import { z } from "zod";
import { CALL_SOURCES, DIRECTIONS, HANGUP_SIDES } from "@/lib/calls";

/**
 * The one description of the call filters: it parses URL search params and API queries, and feeds the
 * WHERE builder (lib/queries/call-where.ts) that the table, counts, charts and export share.
 * Time bounds are ISO 8601 instants in the URL and UTC epoch ms once parsed; the range is [from, to).
 */
export const CALL_SORTS = ["startedAt", "billSec", "durationSec", "extension", "hangupCause"] as const;
export const PAGE_SIZES = [25, 50, 100, 200, 500] as const;

const isoInstantMs = z
  .string()
  .trim()
  .refine((v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(v) && !Number.isNaN(Date.parse(v)), {
    error: "must be an ISO 8601 instant with a zone, e.g. 2026-11-28T00:00:00Z",
  })
  .transform((v) => Date.parse(v));

const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item)).default([]);

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

export const callFilterSchema = z
  .object({
    from: isoInstantMs.optional(),
    to: isoInstantMs.optional(),
    direction: z.enum(DIRECTIONS).optional(),
    callMethod: list(z.coerce.number().int().min(0).max(6)),
    answered: z.enum(["yes", "no"]).optional(),
    hangupCause: list(z.coerce.number().int().nonnegative()),
    /** Who hung up (lib/calls HANGUP_SIDES); the URL key keeps its name. */
    hangupDirection: list(z.enum(HANGUP_SIDES)),
    extension: list(z.string().trim().min(1).max(32)),
    agent: text(64),
    q: text(64),
    memberId: text(64),
    customerId: text(64),
    billSecMin: z.coerce.number().int().nonnegative().optional(),
    billSecMax: z.coerce.number().int().nonnegative().optional(),
    hasRecording: z.enum(["yes", "no"]).optional(),
    source: list(z.enum(CALL_SOURCES)),
    sort: z.enum(CALL_SORTS).default("startedAt"),
    order: z.enum(["asc", "desc"]).default("desc"),
    page: z.coerce.number().int().min(1).max(1_000_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(50),
  })
  .refine((f) => f.from === undefined || f.to === undefined || f.from < f.to, {
    error: "must be later than from",
    path: ["to"],
  });

export type CallFilter = z.infer<typeof callFilterSchema>;

/** Reads a filter from URL search params (repeated keys become lists). Throws ZodError naming the field. */
export function parseCallFilter(params: URLSearchParams | Record<string, string | string[] | undefined>): CallFilter {
  return callFilterSchema.parse(toObject(params));
}

/** The search params that reproduce a filter, defaults left out, so links stay short and stable. */
export function toSearchParams(filter: Partial<CallFilter>): URLSearchParams {
  const params = new URLSearchParams();
  const defaults = callFilterSchema.parse({});
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null) continue;
    if (key === "from" || key === "to") {
      params.set(key, new Date(value as number).toISOString());
    } else if (Array.isArray(value)) {
      for (const v of value) params.append(key, String(v));
    } else if (defaults[key as keyof CallFilter] !== value) {
      params.set(key, String(value));
    }
  }
  return params;
}

function toObject(params: URLSearchParams | Record<string, string | string[] | undefined>) {
  if (!(params instanceof URLSearchParams)) return params;
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key).filter((v) => v !== "");
    if (values.length === 1) out[key] = values[0]!;
    else if (values.length > 1) out[key] = values;
  }
  return out;
}
