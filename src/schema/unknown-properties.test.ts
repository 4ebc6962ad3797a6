import { describe, expect, it } from 'vitest';
import { registry } from './registry.js';
import { unknownProperties } from './unknown-properties.js';

const REPLY = 'mplus/reply.schema.json';
const unknown = (value: unknown) => unknownProperties(registry(), REPLY, value);

describe('unknownProperties', () => {
  it('names a property a known reply object does not define, by its path', () => {
    expect(unknown({ scanCode: { recognized: true, message: 'Voucher accepted' } })).toEqual(['scanCode.message']);
  });

  it('names unknown top-level objects too (MP-SHP-007 judges those)', () => {
    expect(unknown({ scanCodes: { recognized: true } })).toEqual(['scanCodes']);
  });

  it('follows $refs into other files and array items, with [] for any position', () => {
    const reply = { lineChanges: [{ lineId: 'a', externalDiscount: { discountId: 'd', discountPercentage: 10, note: 'x' } }, { lineId: 'b', colour: 'red' }] };
    expect(unknown(reply)).toEqual(['lineChanges[].externalDiscount.note', 'lineChanges[].colour']);
  });

  it('reads a form field by its type: a property of another field type is unknown there', () => {
    const form = { id: 'f', title: 'F', fields: [{ id: 'n', type: 'text', decimals: 2 }, { id: 'm', type: 'number', decimals: 2 }] };
    expect(unknown({ form })).toEqual(['form.fields[].decimals']);
  });

  it('picks the branch of a footer or a list of footers by the value', () => {
    expect(unknown({ receiptFooter: [{ textBefore: 'x', bogus: 1 }] })).toEqual(['receiptFooter[].bogus']);
    expect(unknown({ receiptFooter: { textBefore: 'x' } })).toEqual([]);
  });

  it('finds nothing unknown in the vendor examples of every reply object', () => {
    const reg = registry();
    const ids = [...reg.schemas.keys()].filter((id) => id.includes('/mplus/reply/'));
    expect(ids.length).toBeGreaterThan(20);
    let judged = 0;
    for (const id of ids) {
      const name = id.split('/').pop()!.replace('.schema.json', '');
      for (const example of (reg.get(id).examples as unknown[] | undefined) ?? []) {
        expect(unknown({ [name]: example }), id).toEqual([]);
        judged++;
      }
    }
    // Not vacuous: the vendor's examples are there to judge (a schema move that drops them fails here).
    expect(judged).toBeGreaterThanOrEqual(20);
  });
});
