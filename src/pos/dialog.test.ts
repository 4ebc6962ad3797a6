import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryFor } from '../schema/arbitrary/index.js';
import { registry } from '../schema/registry.js';
import { invalidSelections, optionIds, validSelections, type DialogReply } from './dialog.js';

const dialogs = arbitraryFor(registry(), 'mplus/reply/dialog.schema.json') as fc.Arbitrary<DialogReply>;

describe('answering a dialog', () => {
  it('selects only options of the dialog, at least one when required, at most one unless allowMultipleOptions', () => {
    fc.assert(
      fc.property(dialogs, fc.integer(), (dialog, seed) => {
        const [selected] = fc.sample(validSelections(dialog), { seed, numRuns: 1 });
        const ids = optionIds(dialog);
        expect(selected.every((id) => ids.includes(id))).toBe(true);
        expect(new Set(selected).size).toBe(selected.length);
        if (dialog.required === true) expect(selected.length).toBeGreaterThan(0);
        if (dialog.allowMultipleOptions !== true) expect(selected.length).toBeLessThanOrEqual(1);
        expect(registry().validate('mplus/request/dialog.schema.json', { selectedDialogOptionIds: selected })).toEqual([]);
      }),
      { seed: 11, numRuns: 150 },
    );
  });

  it('makes every valid selection, the empty one included where the dialog allows it', () => {
    const dialog = { required: false, allowMultipleOptions: true, dialogOptions: [{ optionId: 11 }, { optionId: 12 }] };
    const seen = new Set(fc.sample(validSelections(dialog), { seed: 1, numRuns: 300 }).map((s) => JSON.stringify([...s].sort())));
    expect([...seen].sort()).toEqual(['[11,12]', '[11]', '[12]', '[]']);
    const required = { required: true, allowMultipleOptions: false, dialogOptions: [{ optionId: 1 }, { optionId: 2 }, { optionId: 3 }] };
    expect(new Set(fc.sample(validSelections(required), { seed: 1, numRuns: 300 }).map((s) => JSON.stringify(s)))).toEqual(new Set(['[1]', '[2]', '[3]']));
  });

  it('invalid selections name an id this dialog does not offer: unknown, or stale from the dialog before', () => {
    fc.assert(
      fc.property(dialogs, fc.array(fc.nat({ max: 20 })), fc.integer(), (dialog, earlier, seed) => {
        const [{ ids, kind }] = fc.sample(invalidSelections(dialog, earlier), { seed, numRuns: 1 });
        expect(ids.length).toBeGreaterThan(0);
        expect(ids.some((id) => !optionIds(dialog).includes(id))).toBe(true);
        if (kind === 'stale') expect(ids.every((id) => earlier.includes(id))).toBe(true);
      }),
      { seed: 5, numRuns: 150 },
    );
  });
});
