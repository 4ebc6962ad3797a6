import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { registrationForm, registrationProblem } from '../reference/mplus/replies-flows.js';
import { arbitraryFor } from '../schema/arbitrary/index.js';
import { registry } from '../schema/registry.js';
import { brokenFormAnswers, cancelledFormAnswer, inputFields, validFormAnswers, type FormAnswer, type FormField } from './form.js';

/** An independent reading of the form's constraints: what is wrong with one submitted field, if anything. */
function problemOf(f: FormField, answer: FormAnswer): string | undefined {
  const got = answer.fields.find((x) => x.id === f.id);
  if (!got) return f.required === true ? 'missing' : undefined;
  if (f.type === 'select') {
    const selected = got.selected ?? [];
    const ids = (f.options ?? []).filter((o: { disabled?: boolean }) => o.disabled !== true).map((o: { id: string }) => o.id);
    if (selected.some((s) => !ids.includes(s))) return 'unknown or disabled option';
    if (f.multiple !== true && selected.length > 1) return 'several options';
    if (f.required === true && selected.length === 0) return 'nothing selected';
    return undefined;
  }
  const v = got.value ?? '';
  if (v === '') return f.required === true ? 'empty' : undefined;
  if (f.type === 'text' || f.type === 'email') {
    if (typeof f.minimumLength === 'number' && v.length < f.minimumLength) return 'too short';
    if (typeof f.maximumLength === 'number' && v.length > f.maximumLength) return 'too long';
    if (typeof f.regex === 'string' && !new RegExp(f.regex).test(v)) return 'regex';
    if (f.type === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) return 'not an e-mail';
  }
  if (f.type === 'number') {
    if (!/^-?\d+(\.\d+)?$/.test(v)) return 'not a number';
    const decimals = v.includes('.') ? v.split('.')[1].length : 0;
    if (decimals > (typeof f.decimals === 'number' && Number.isInteger(f.decimals) ? f.decimals : 0)) return 'decimals';
    if (typeof f.minimumValue === 'number' && Number(v) < f.minimumValue) return 'below minimum';
    if (typeof f.maximumValue === 'number' && Number(v) > f.maximumValue) return 'above maximum';
  }
  if (f.type === 'date' && !(/^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).getTime() === Date.UTC(+v.slice(0, 4), +v.slice(5, 7) - 1, +v.slice(8, 10)) && +v.slice(5, 7) <= 12)) return 'not a date';
  if (f.type === 'time' && !/^([01]\d|2[0-3]):[0-5]\d$/.test(v)) return 'not a time';
  if (f.type === 'checkbox' && !['true', 'false'].includes(v)) return 'not a checkbox value';
  if (f.type === 'checkbox' && f.required === true && v !== 'true') return 'unticked';
  return undefined;
}

const FORMS: Array<Record<string, unknown>> = [
  registrationForm(),
  {
    id: 'order',
    title: 'Order',
    fields: [
      { id: 'code', type: 'text', required: true, regex: '^[A-Z]{3}-\\d{4}$' },
      { id: 'note', type: 'text', minimumLength: 5, maximumLength: 8 },
      { id: 'price', type: 'number', required: true, decimals: 2, minimumValue: -1.5, maximumValue: 2.25 },
      { id: 'size', type: 'select', required: true, options: [{ id: 's', label: 'S' }, { id: 'm', label: 'M', disabled: true }, { id: 'l', label: 'L' }] },
      { id: 'terms', type: 'checkbox', required: true },
      { type: 'label', value: 'Thanks' },
    ],
  },
];

describe('form values drawn from the form’s own constraints', () => {
  it.each(FORMS.map((f) => [f.id, f] as const))('every valid submission of %s meets every constraint and the request schema', (_id, form) => {
    fc.assert(
      fc.property(validFormAnswers(form), (answer) => {
        expect(registry().validate('mplus/request/form.schema.json', answer)).toEqual([]);
        for (const f of inputFields(form)) expect(problemOf(f, answer), `${f.id}: ${JSON.stringify(answer)}`).toBeUndefined();
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('the reference receiver accepts every valid submission of its own form, and refuses every broken one', () => {
    fc.assert(fc.property(validFormAnswers(registrationForm()), (answer) => registrationProblem(answer) === undefined), { seed: 7, numRuns: 300 });
    fc.assert(fc.property(brokenFormAnswers(registrationForm())!, ({ answer }) => registrationProblem(answer) !== undefined), { seed: 7, numRuns: 300 });
  });

  it.each(FORMS.map((f) => [f.id, f] as const))('a broken submission of %s breaks exactly the field it says', (_id, form) => {
    fc.assert(
      fc.property(brokenFormAnswers(form)!, ({ answer, broken }) => {
        expect(registry().validate('mplus/request/form.schema.json', answer)).toEqual([]);
        const wrong = inputFields(form).filter((f) => problemOf(f, answer) !== undefined);
        expect(wrong.map((f) => f.id)).toEqual([broken.split(':')[0].replace('field ', '')]);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('answers any form the reply schema allows with a submission valid against the request schema', () => {
    const forms = arbitraryFor(registry(), 'mplus/reply/form.schema.json') as fc.Arbitrary<Record<string, unknown>>;
    fc.assert(
      fc.property(forms, fc.integer(), (form, seed) => {
        const [answer] = fc.sample(validFormAnswers(form), { seed, numRuns: 1 });
        expect(registry().validate('mplus/request/form.schema.json', answer)).toEqual([]);
      }),
      { seed: 3, numRuns: 40 },
    );
  });

  it('a cancelled form carries the form id, cancelled: true and no values', () => {
    expect(cancelledFormAnswer(registrationForm())).toEqual({ id: 'customer_registration', cancelled: true, fields: [] });
    expect(registry().validate('mplus/request/form.schema.json', cancelledFormAnswer(registrationForm()))).toEqual([]);
  });

  it('has nothing to break in a form without constraints', () => {
    expect(brokenFormAnswers({ id: 'x', fields: [{ id: 'free', type: 'text' }, { type: 'label', value: 'hi' }] })).toBeUndefined();
  });
});

describe('forms whose regexes are written in another dialect', () => {
  it('fills a required field whose regex is PCRE (inline flags, \\A, POSIX classes) with values that match it there', () => {
    const form = { id: 'card', fields: [{ id: 'card', type: 'text', required: true, label: 'Card', regex: '(?i)\\Ac[[:digit:]]{8}\\z' }] };
    const pcre = /^c[0-9]{8}$/i;
    for (const answer of fc.sample(validFormAnswers(form), { seed: 3, numRuns: 30 })) expect(answer.fields[0].value).toMatch(pcre);
  });
});
