import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeDataRecords } from "./data-set";
import { createSetContext, type SetContext } from "./set-context";
import { createFlowRecord, type FlowRecord } from "./flow-record";
import { compileReader } from "./record-reader";
import { compileTemplate, type Template, type TemplateField } from "./template";

/** Mapped fields at legal and odd lengths, plus fields the decoder does not know. */
const field: fc.Arbitrary<TemplateField> = fc.oneof(
  fc.record({
    id: fc.constantFrom(
      1,
      2,
      4,
      5,
      7,
      8,
      11,
      12,
      21,
      22,
      27,
      28,
      34,
      85,
      86,
      150,
      151,
      152,
      153,
      154,
      155,
      156,
      157,
      160,
      305,
      306,
    ),
    length: fc.constantFrom(1, 2, 3, 4, 6, 8, 16),
  }),
  fc.record({ id: fc.integer({ min: 0, max: 400 }), length: fc.integer({ min: 0, max: 20 }) }),
  fc.record({ id: fc.constantFrom(1, 82, 96), length: fc.constant(65535) }),
);

function decodeWith(t: Template, bytes: Uint8Array, context: Partial<SetContext>): FlowRecord[] {
  const c = Object.assign(createSetContext(), context);
  const out: FlowRecord[] = [];
  decodeDataRecords(new DataView(bytes.buffer), 0, bytes.byteLength, t, c, createFlowRecord(), (r) =>
    out.push({ ...r, src6: r.src6.slice(), dst6: r.dst6.slice() }),
  );
  return out;
}

describe("generated record readers", () => {
  it("decode exactly what walking the template plan decodes, fixed and variable-length alike", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(9 as const, 10 as const),
        fc.array(field, { minLength: 1, maxLength: 14 }),
        fc.uint8Array({ minLength: 0, maxLength: 400, size: "max" }),
        fc.record({
          refMs: fc.integer({ min: 0, max: 2 ** 42 }),
          refUptime: fc.nat(),
          uptimeOk: fc.boolean(),
          rate: fc.constantFrom(1, 2, 100, 1.5),
        }),
        (version, fields, bytes, context) => {
          const t = compileTemplate(version, 256, fields, false, 0);
          fc.pre(t !== undefined);
          const generated = { ...t, reader: compileReader(t.plan, t.fixedLength, t.minLength, t.flags) };

          expect(decodeWith(generated, bytes, context)).toEqual(decodeWith(t, bytes, context));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
