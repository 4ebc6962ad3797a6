import fc from 'fast-check';

/**
 * Answering a dialog as a POS user does (seed 002, "dialog"): "When you reply with a dialog, the user will be
 * able to select some dialog options. Afterwards, the same event will be sent to you again, but this time
 * including the selected dialog options" (`dialog.selectedDialogOptionIds`, "Can be zero, one or more").
 */

/** A `dialog` reply object, as far as answering it goes. */
export interface DialogReply {
  required?: boolean;
  allowMultipleOptions?: boolean;
  dialogTitle?: string;
  dialogOptions?: Array<{ optionId?: unknown; optionName?: unknown }>;
}

/** The option ids of a dialog, unique, in order. */
export function optionIds(dialog: DialogReply): number[] {
  const ids = (Array.isArray(dialog.dialogOptions) ? dialog.dialogOptions : []).map((o) => o?.optionId).filter((id): id is number => Number.isInteger(id) && (id as number) >= 0);
  return [...new Set(ids)];
}

/**
 * Every selection the POS user can make: options of this dialog, at least one when `required`, at most one
 * unless `allowMultipleOptions`, the empty selection where `required` is false. Shrinks towards fewer, earlier options.
 */
export function validSelections(dialog: DialogReply): fc.Arbitrary<number[]> {
  const ids = optionIds(dialog);
  if (ids.length === 0) return fc.constant([]);
  const min = dialog.required === true ? 1 : 0;
  const max = dialog.allowMultipleOptions === true ? ids.length : 1;
  return fc.subarray(ids, { minLength: min, maxLength: max });
}

/**
 * Selections the POS would never send for this dialog: option ids it does not have (unknown), or ids of an
 * earlier dialog of the same conversation that this one no longer offers (stale).
 */
export function invalidSelections(dialog: DialogReply, earlier: readonly number[] = []): fc.Arbitrary<{ ids: number[]; kind: 'unknown' | 'stale' }> {
  const ids = new Set(optionIds(dialog));
  const top = Math.max(0, ...ids);
  const unknown = fc
    .oneof(fc.constant(top + 1), fc.integer({ min: 0, max: 2_147_483_647 }).filter((id) => !ids.has(id)))
    .map((id) => ({ ids: [id], kind: 'unknown' as const }));
  const stale = [...new Set(earlier)].filter((id) => !ids.has(id));
  if (stale.length === 0) return unknown;
  return fc.oneof(unknown, fc.subarray(stale, { minLength: 1, maxLength: 1 }).map((picked) => ({ ids: picked, kind: 'stale' as const })));
}

/** A dialog in a few words, for flow notes: `"Select a time slot" [1, 2, 3] required, one`. */
export function describeDialog(dialog: DialogReply): string {
  const title = typeof dialog.dialogTitle === 'string' ? JSON.stringify(dialog.dialogTitle.slice(0, 60)) : 'a dialog';
  return `${title} [${optionIds(dialog).join(', ')}]${dialog.required === true ? ' required' : ''}, ${dialog.allowMultipleOptions === true ? 'several' : 'one'}`;
}
