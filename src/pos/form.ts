import type { MplusReplyForm } from '../generated/mplus/reply/form.js';
import type { MplusRequestForm } from '../generated/mplus/request/form.js';
import fc from 'fast-check';
import { readPattern } from './regex-dialects.js';

/**
 * Filling in a form as a POS user does (seed 002, "form"): "Afterwards, the same event will be sent to you
 * again, but this time including the submitted form values." Values come from the form's own field
 * constraints; "No matter the original field type, submitted values are always sent as string", select
 * fields send `selected`. Decisions where the seed is silent: an optional field left empty is sent as `""`
 * (or `selected: []`) and its length and regex do not apply; a checkbox sends `"true"` or `"false"`; a date
 * `YYYY-MM-DD`; a time `HH:MM`; a number field without `decimals` takes whole numbers.
 */

/** A form field of the `form` reply object (`reply/form.schema.json`). */
export type FormField = MplusReplyForm['fields'][number];

/** The `form` request object: the submitted (or cancelled) form (`request/form.schema.json`). */
export type FormAnswer = MplusRequestForm;

/** One field's submitted value. */
type FieldValue = { value: string } | { selected: string[] };

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** The fields a user fills in (labels are not submitted). */
export function inputFields(form: { fields?: unknown }): FormField[] {
  return (Array.isArray(form.fields) ? (form.fields as FormField[]) : []).filter((f) => f && typeof f.id === 'string' && f.type !== 'label');
}

/** Values a POS user can submit for `form`: every constraint of every field met. */
export function validFormAnswers(form: { id?: unknown; fields?: unknown }): fc.Arbitrary<FormAnswer> {
  return memo(`valid:${JSON.stringify([form.id, form.fields])}`, () => buildValidFormAnswers(form));
}

/** Building string arbitraries from regexes is costly, and the same forms come back all the time. */
const built = new Map<string, fc.Arbitrary<unknown>>();
function memo<T>(key: string, build: () => fc.Arbitrary<T>): fc.Arbitrary<T> {
  let arb = built.get(key) as fc.Arbitrary<T> | undefined;
  if (!arb) {
    if (built.size >= 500) built.delete(built.keys().next().value as string);
    built.set(key, (arb = build()));
  }
  return arb;
}

function buildValidFormAnswers(form: { id?: unknown; fields?: unknown }): fc.Arbitrary<FormAnswer> {
  const fields = inputFields(form);
  return fc.tuple(...fields.map((f) => validValue(f))).map((values) => ({
    id: String(form.id ?? ''),
    fields: fields.flatMap((f, i) => (values[i] ? [{ id: f.id!, ...values[i]! }] : [])),
  }));
}

/** Required fields hookcert cannot fill in (no value meets their constraints, or a regex it will not run). */
export function unfillableFields(form: { fields?: unknown }): string[] {
  return inputFields(form)
    .filter((f) => f.required === true && (f.type === 'text' || f.type === 'email' || f.type === 'number'))
    .filter((f) => (f.type === 'number' ? numberValues(f) : textValues(f)) === undefined)
    .map((f) => String(f.id));
}

/** The form cancelled by the POS user: `cancelled: true` ("If the form was explicitly cancelled, this will be true"). */
export function cancelledFormAnswer(form: { id?: unknown }): FormAnswer {
  return { id: String(form.id ?? ''), cancelled: true, fields: [] };
}

/**
 * Submissions that break exactly one constraint of one field (the others valid), with what is broken in
 * words; `undefined` when no field has a constraint to break.
 */
export function brokenFormAnswers(form: { id?: unknown; fields?: unknown }): fc.Arbitrary<{ answer: FormAnswer; broken: string }> | undefined {
  const fields = inputFields(form);
  if (!fields.some((f) => brokenValue(f))) return undefined;
  return memo(`broken:${JSON.stringify([form.id, form.fields])}`, () => buildBrokenFormAnswers(form, fields));
}

function buildBrokenFormAnswers(form: { id?: unknown; fields?: unknown }, fields: FormField[]): fc.Arbitrary<{ answer: FormAnswer; broken: string }> {
  const breakable = fields.map((f, i) => ({ i, arb: brokenValue(f) })).filter((b): b is { i: number; arb: fc.Arbitrary<{ v: FieldValue; why: string }> } => b.arb !== undefined);
  return fc.tuple(validFormAnswers(form), fc.oneof(...breakable.map((b) => b.arb.map((x) => ({ ...x, i: b.i }))))).map(([valid, bad]) => {
    const field = fields[bad.i];
    const submitted = fields.flatMap((f) => (f.id === field.id ? [{ id: f.id!, ...bad.v }] : valid.fields.filter((v) => v.id === f.id)));
    const answer: FormAnswer = { id: valid.id, fields: submitted };
    return { answer, broken: `field ${field.id}: ${bad.why}` };
  });
}

/** The arbitrary of one field's valid value; `undefined` (the field is left out) when no value can meet its constraints. */
function validValue(f: FormField): fc.Arbitrary<FieldValue | undefined> {
  const required = f.required === true;
  const orEmpty = (arb: fc.Arbitrary<FieldValue>): fc.Arbitrary<FieldValue | undefined> => (required ? arb : fc.oneof(fc.constant({ value: '' }), arb));
  switch (f.type) {
    case 'text':
    case 'email': {
      const text = textValues(f);
      return text ? orEmpty(text.map((value) => ({ value }))) : fc.constant(required ? undefined : { value: '' });
    }
    case 'number': {
      const n = numberValues(f);
      return n ? orEmpty(n.map((value) => ({ value }))) : fc.constant(required ? undefined : { value: '' });
    }
    case 'select': {
      const enabled = options(f).filter((o) => o.disabled !== true).map((o) => String(o.id));
      if (enabled.length === 0) return fc.constant(required ? undefined : { selected: [] });
      const max = f.multiple === true ? enabled.length : 1;
      return fc.subarray(enabled, { minLength: required ? 1 : 0, maxLength: max }).map((selected) => ({ selected }));
    }
    case 'date':
      return orEmpty(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => ({ value: d.toISOString().slice(0, 10) })));
    case 'time':
      return orEmpty(fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => ({ value: `${pad(h)}:${pad(m)}` })));
    case 'checkbox':
      return required ? fc.constant({ value: 'true' }) : fc.constantFrom({ value: 'true' }, { value: 'false' });
    default:
      return fc.constant(undefined);
  }
}

/** Text (or e-mail) values within the field's length bounds and regex; `undefined` when none can be found. */
function textValues(f: FormField): fc.Arbitrary<string> | undefined {
  const min = Math.max(typeof f.minimumLength === 'number' ? f.minimumLength : 0, 1);
  const max = Math.min(typeof f.maximumLength === 'number' ? f.maximumLength : 4000, 4000);
  const re = compile(f.regex);
  if (min > max || re === null) return undefined;
  const fits = (s: string) => s.length >= min && s.length <= max && (!re || re.test(s)) && (f.type !== 'email' || EMAIL.test(s));
  let base: fc.Arbitrary<string>;
  try {
    // fast-check cannot draw case-insensitively: values of the case-sensitive pattern match the other too.
    base = f.type === 'email' ? emails() : re ? fc.stringMatching(new RegExp(re.source, re.flags.replace('i', ''))) : words(min, Math.min(max, min + 40));
  } catch {
    return undefined; // a regex feature fast-check cannot generate from (back-references, look-arounds…)
  }
  // A regex and length bounds can leave nothing to match: try a sample first, never filter forever.
  if (!fc.sample(base, { seed: 1, numRuns: 50 }).some(fits)) return undefined;
  return base.filter(fits);
}

/** `v` when it is a whole number (a field's `decimals` read from a reply that may break the schema). */
function wholeNumber(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
}

/** Numbers in [minimumValue, maximumValue] with at most `decimals` decimals, as the POS formats them. */
function numberValues(f: FormField): fc.Arbitrary<string> | undefined {
  const decimals = Math.min(wholeNumber(f.decimals) ?? 0, 6);
  const scale = 10 ** decimals;
  const lo = typeof f.minimumValue === 'number' ? f.minimumValue : 0;
  const hi = typeof f.maximumValue === 'number' ? f.maximumValue : Math.max(lo, 0) + 1000;
  const min = Math.ceil(Math.max(lo, -1e12) * scale);
  const max = Math.floor(Math.min(hi, 1e12) * scale);
  if (min > max) return undefined;
  return fc.integer({ min, max }).map((k) => (k / scale).toFixed(decimals));
}

/** One value that breaks one constraint of the field, with why; `undefined` when the field has nothing to break. */
function brokenValue(f: FormField): fc.Arbitrary<{ v: FieldValue; why: string }> | undefined {
  const cases = brokenCases(f);
  return cases.length > 0 ? fc.constantFrom(...cases) : undefined;
}

/**
 * Every submission of `form` that breaks exactly one constraint of one field, the other fields filled in
 * validly (drawn once from `seed`), with what is broken in words: the same list for the same form, whatever
 * the seed of the run.
 */
export function everyBrokenFormAnswer(form: { id?: unknown; fields?: unknown }, seed: number): Array<{ answer: FormAnswer; broken: string }> {
  const fields = inputFields(form);
  const valid = fc.sample(validFormAnswers(form), { seed, numRuns: 1 })[0];
  return fields.flatMap((field) =>
    brokenCases(field).map((bad) => ({
      answer: { id: valid.id, fields: fields.flatMap((f) => (f.id === field.id ? [{ id: f.id!, ...bad.v }] : valid.fields.filter((v) => v.id === f.id))) },
      broken: `field ${field.id}: ${bad.why}`,
    })),
  );
}

/** The values of one field that break one of its constraints each, with what is broken. */
function brokenCases(f: FormField): Array<{ v: FieldValue; why: string }> {
  const cases: Array<{ v: FieldValue; why: string }> = [];
  const value = (v: string, why: string) => cases.push({ v: { value: v }, why: `${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)} ${why}` });
  const required = f.required === true;
  if (required && f.type !== 'select' && f.type !== 'checkbox') value('', 'is empty, but the field is required');
  if (f.type === 'text' || f.type === 'email') {
    if (typeof f.minimumLength === 'number' && f.minimumLength > 1) value('x'.repeat(f.minimumLength - 1), `is shorter than minimumLength ${f.minimumLength}`);
    if (typeof f.maximumLength === 'number' && f.maximumLength < 4000) value('x'.repeat(f.maximumLength + 1), `is longer than maximumLength ${f.maximumLength}`);
    const re = compile(f.regex, 'loose');
    if (re) {
      const miss = ['!', '#invalid#', 'a b', '0'].find((s) => !re.test(s));
      if (miss) value(miss, `does not match ${f.regex}`);
    }
    if (f.type === 'email') for (const bad of ['not-an-email', 'john@', '@example.com']) value(bad, 'is not an e-mail address');
  }
  if (f.type === 'number') {
    const decimals = Math.min(wholeNumber(f.decimals) ?? 0, 6);
    if (typeof f.minimumValue === 'number') value(String(f.minimumValue - 1), `is below minimumValue ${f.minimumValue}`);
    if (typeof f.maximumValue === 'number') value(String(f.maximumValue + 1), `is above maximumValue ${f.maximumValue}`);
    const lo = typeof f.minimumValue === 'number' ? f.minimumValue : 0;
    const fine = lo + 10 ** -(decimals + 1);
    if (typeof f.maximumValue !== 'number' || fine <= f.maximumValue) value(fine.toFixed(decimals + 1), `has more than ${decimals} decimals`);
    value('abc', 'is not a number');
  }
  if (f.type === 'select') {
    const all = options(f);
    cases.push({ v: { selected: ['__no_such_option__'] }, why: 'selects an option the field does not have' });
    const disabled = all.find((o) => o.disabled === true);
    if (disabled) cases.push({ v: { selected: [String(disabled.id)] }, why: `selects the disabled option ${String(disabled.id)}` });
    const enabled = all.filter((o) => o.disabled !== true);
    if (f.multiple !== true && enabled.length >= 2) cases.push({ v: { selected: [String(enabled[0].id), String(enabled[1].id)] }, why: 'selects two options of a single select' });
    if (required) cases.push({ v: { selected: [] }, why: 'selects nothing, but the field is required' });
  }
  if (f.type === 'date') for (const bad of ['2026-13-45', 'not a date']) value(bad, 'is not a date');
  if (f.type === 'time') for (const bad of ['25:61', 'noon']) value(bad, 'is not a time');
  if (f.type === 'checkbox' && required) value('false', 'leaves a required checkbox unticked');
  return cases;
}

/** A conservative e-mail address shape: what every validator accepts. */
const EMAIL = /^[a-z0-9]+(\.[a-z0-9]+)?@[a-z0-9]+\.[a-z]{2,6}$/;

function emails(): fc.Arbitrary<string> {
  return fc.stringMatching(EMAIL);
}

/** Letters and digits, no blanks: a value no reasonable validator refuses for a free text field. */
function words(min: number, max: number): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...ALNUM), { minLength: min, maxLength: Math.max(min, max) }).map((cs) => cs.join(''));
}

function options(f: FormField): Array<{ id?: unknown; disabled?: unknown }> {
  return Array.isArray(f.options) ? f.options.filter((o: unknown) => o && typeof o === 'object') : [];
}

/**
 * The field's regex compiled; `undefined` for none, `null` for one that does not compile in any dialect (MP-SHP-006
 * reports those) or that hookcert will not run: a quantified group holding a quantifier (`(a+)+`) can take
 * exponential time on a failing input, and the regex comes from the endpoint. A pattern of another dialect
 * (`(?i)`, possessive quantifiers, `\A`…) is read through its ECMAScript translation (src/pos/regex-dialects.ts):
 * `narrow` (its matches all match the pattern) to generate values, `loose` (it matches all the pattern matches)
 * to find values that break it.
 */
function compile(regex: unknown, reading: 'narrow' | 'loose' = 'narrow'): RegExp | undefined | null {
  if (typeof regex !== 'string') return undefined;
  if (regex.length > 300 || /\([^)]*[+*}][^)]*\)\s*[+*{]/.test(regex)) return null;
  const read = readPattern(regex);
  if (read.kind === 'invalid') return null;
  return reading === 'narrow' ? read.regex : read.loose;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
