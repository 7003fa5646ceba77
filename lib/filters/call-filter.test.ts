import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CALL_SORTS, callFilterSchema, parseCallFilter, safeParseCallFilter, toSearchParams, type CallFilter } from "./call-filter";
import { activeChips, fromDraft, toDraft, withoutChip, type Chip } from "./call-filter-draft";
import { CALL_FILTER_FIELDS, type FilterField } from "./call-filter-fields";

const OPTIONS = {
  extensions: ["7101", "7102"],
  agents: ["8001"],
  hangupCauses: [{ code: 10016, label: "No answer (10016)" }],
  hangupDirections: [{ value: "10041", label: "Callee hung up (10041)" }],
};

describe("call filter", () => {
  it("survives the URL: toSearchParams then parseCallFilter gives the same filter", () => {
    fc.assert(
      fc.property(filterArb(anyInstant), (filter) => {
        expect(parseCallFilter(toSearchParams(filter))).toEqual(filter);
      }),
      { numRuns: 500 },
    );
  });

  it("survives the filter bar: the draft of a filter applies to that filter", () => {
    const defaults = callFilterSchema.parse({});
    const arb = filterArb(wholeSecondIn21stCentury).filter((f) => f.billSecMin === undefined || f.billSecMax === undefined || f.billSecMin <= f.billSecMax);
    fc.assert(
      // Zones without daylight saving: a datetime-local input cannot name the second of two repeated hours.
      fc.property(arb, fc.constantFrom("Asia/Shanghai", "UTC"), (filter, tz) => {
        const view = { sort: defaults.sort, order: defaults.order, page: defaults.page, pageSize: defaults.pageSize };
        expect(fromDraft(toDraft(filter, tz), tz)).toEqual({ filter: { ...filter, ...view } });
      }),
      { numRuns: 200 },
    );
  });

  it("removes one chip, and only that chip", () => {
    fc.assert(
      fc.property(filterArb(anyInstant), (filter) => {
        const ids = (chips: Chip[]) => new Set(chips.map((c) => c.id));
        const chips = activeChips(filter, "UTC", OPTIONS);
        for (const chip of chips) {
          expect(ids(activeChips(withoutChip(filter, chip), "UTC", OPTIONS))).toEqual(new Set([...ids(chips)].filter((id) => id !== chip.id)));
        }
      }),
      { numRuns: 100 },
    );
  });

  it("names chips by the labels of lib/calls and the page's options", () => {
    const filter = parseCallFilter({ direction: "outbound", callMethod: "2", hangupCause: ["10016", "99"], billSecMin: "5", hasRecording: "no" });
    expect(activeChips(filter, "UTC", OPTIONS).map((c) => `${c.name}: ${c.value}`)).toEqual([
      "Direction: Outbound",
      "Method: Manual dial",
      "Hangup cause: No answer (10016)",
      "Hangup cause: 99",
      "Talk time: ≥ 5 s",
      "Recording: No recording",
    ]);
  });
});

/** ISO instants the URL may carry (years 0000–9999, any millisecond). */
const anyInstant = fc
  .date({ min: new Date("0000-01-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59.999Z"), noInvalidDate: true })
  .map((d) => d.toISOString());
/** What the bar's datetime-local inputs can express. */
const wholeSecondIn21stCentury = fc
  .integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2099, 11, 31) / 1000 })
  .map((s) => new Date(s * 1000).toISOString());

/**
 * Valid filters, made from the description: URL text for each field by its kind, kept when the field's own parser
 * accepts it, then parsed by the schema, so every filter the schema can produce is in reach.
 */
function filterArb(instant: fc.Arbitrary<string>): fc.Arbitrary<CallFilter> {
  const view = fc.record(
    {
      sort: fc.constantFrom(...CALL_SORTS),
      order: fc.constantFrom("asc", "desc"),
      page: fc.integer({ min: 1, max: 1_000_000 }).map(String),
      pageSize: fc.integer({ min: 1, max: 500 }).map(String),
    },
    { requiredKeys: [] },
  );
  return fc
    .tuple(view, ...CALL_FILTER_FIELDS.map((field) => urlValues(field, instant)))
    .map((parts) => callFilterSchema.safeParse(Object.assign({}, ...parts)))
    .filter((r): r is z.ZodSafeParseSuccess<CallFilter> => r.success)
    .map((r) => r.data);
}

function urlValues(field: FilterField, instant: fc.Arbitrary<string>): fc.Arbitrary<Partial<Record<string, string | string[]>>> {
  const parser = z.object(field.shape);
  const valid = (raw: Partial<Record<string, string | string[]>>) => parser.safeParse(raw).success;
  // Well-formed Unicode: a URL decodes to nothing else (a lone surrogate arrives as U+FFFD).
  const text = fc.string({ unit: "grapheme", maxLength: 70 });
  const optional = (keys: readonly string[], value: fc.Arbitrary<string>) =>
    fc.record(Object.fromEntries(keys.map((key) => [key, value])), { requiredKeys: [] }).filter(valid);
  switch (field.kind) {
    case "time":
      return optional(field.keys, instant);
    case "seconds":
      return optional(field.keys, fc.oneof(fc.nat({ max: 86_400 }), fc.maxSafeNat()).map(String));
    case "text":
      return optional(field.keys, text);
    case "choice":
      return optional(field.keys, fc.constantFrom(...field.options(OPTIONS).map((o) => o.value)));
    case "multi": {
      const known = field.options(OPTIONS).map((o) => o.value);
      const item = fc.oneof(text, fc.nat().map(String), fc.constantFrom(...known)).filter((v) => field.item.safeParse(v).success);
      return fc.array(item, { maxLength: 4 }).map((values) => ({ [field.key]: values }));
    }
  }
}

describe("safeParseCallFilter", () => {
  it("reads an empty value in the URL as no value, not as 0", () => {
    const parsed = safeParseCallFilter({ hangupCause: "", billSecMin: "", extension: ["", "8001"] });
    expect(parsed.success && parsed.data).toMatchObject({ hangupCause: [], extension: ["8001"] });
    expect(parsed.success && parsed.data.billSecMin).toBeUndefined();
  });
});
