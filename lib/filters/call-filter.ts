import { z } from "zod";
import { CALL_FILTER_FIELDS, CALL_FILTER_SHAPE } from "./call-filter-fields";

/**
 * The call filter: it parses URL search params and API queries, and feeds the WHERE builder (lib/queries/call-where.ts)
 * that the table, counts, charts and export share. The filters are described in call-filter-fields.ts; this adds the
 * view's keys (sort, page). Time bounds are ISO 8601 instants in the URL and UTC epoch ms once parsed; the range is [from, to).
 */
export const CALL_SORTS = ["startedAt", "billSec", "durationSec", "extension", "hangupCause"] as const;
export const PAGE_SIZES = [25, 50, 100, 200, 500] as const;

export const callFilterSchema = z
  .object({
    ...CALL_FILTER_SHAPE,
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

/** parseCallFilter for a page, which shows the first issue instead of throwing. */
export function safeParseCallFilter(params: URLSearchParams | Record<string, string | string[] | undefined>) {
  return callFilterSchema.safeParse(toObject(params));
}

/** The search params that reproduce a filter, defaults left out, so links stay short and stable. */
export function toSearchParams(filter: Partial<CallFilter>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      for (const v of value) params.append(key, String(v));
    } else if (typeof value === "number" && INSTANT_KEYS.has(key)) {
      params.set(key, new Date(value).toISOString());
    } else if (DEFAULTS[key] !== value) {
      params.set(key, String(value));
    }
  }
  return params;
}

const INSTANT_KEYS = new Set<string>(CALL_FILTER_FIELDS.flatMap((f) => (f.kind === "time" ? f.keys : [])));
const DEFAULTS: Record<string, unknown> = callFilterSchema.parse({});

/** Repeated keys become arrays; empty values ("?hangupCause=") are no value, not 0. */
function toObject(params: URLSearchParams | Record<string, string | string[] | undefined>) {
  const entries = params instanceof URLSearchParams ? [...new Set(params.keys())].map((k) => [k, params.getAll(k)] as const) : Object.entries(params);
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of entries) {
    const values = (value === undefined ? [] : Array.isArray(value) ? value : [value]).filter((v) => v !== "");
    if (values.length === 1) out[key] = values[0]!;
    else if (values.length > 1) out[key] = values;
  }
  return out;
}
