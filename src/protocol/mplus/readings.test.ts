import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { registry } from '../../schema/registry.js';
import { catalogue } from './catalogue.js';
import { OPEN_PLACES, openFormsIn, toAgreed, toleratedReference, toleratedRefusal } from './readings.js';
import { REQUEST_SCHEMA, requestArbitrary, withIdentity, type MplusRequest } from './requests.js';

const identity = { branchNumber: 1, workplaceNumber: 1, instanceId: 'f9fac333-9fa7-45fe-8e9c-2c1e6465942f', eventCounter: 1, eventTimestamp: '2026-01-05T09:00:00.000+01:00' };

const config = { blocking: true, polling: false, triggers: [] };
const sample = (event: string, forms: 'agreed' | 'any', n = 60): MplusRequest[] =>
  fc.sample(requestArbitrary(registry(), catalogue().get(event), config, { forms }), { seed: 11, numRuns: n });

describe('the agreed forms (what checks not about the request content send)', () => {
  it.each(catalogue().names())('%s: generated requests use no open form that has an agreed one, and stay schema-valid', (event) => {
    for (const r of sample(event, 'agreed', 25)) {
      // Kitchen courses keep the integer sequenceNumber of the examples: no form of it is agreed.
      expect(openFormsIn(r, catalogue().get(event), config).filter((f) => f.place.agreed !== undefined)).toEqual([]);
      expect(registry().validate(REQUEST_SCHEMA, withIdentity(r, identity))).toEqual([]);
    }
  });

  it('never deselects a relation: no deselect is valid under every reading', () => {
    const any = sample('selectRelation', 'any');
    expect(any.some((r) => r.selectRelation === null || (r.selectRelation as { relation: unknown }).relation === null)).toBe(true);
    for (const r of sample('selectRelation', 'agreed')) {
      const relation = (r.selectRelation as { relation?: unknown }).relation;
      expect(relation).toBeTruthy();
      expect(r.session?.relation).toEqual(relation);
    }
  });

  it('keeps eventPolling and session.lines present, codeType barcode or rfid, no printer state', () => {
    for (const r of sample('scanCode', 'agreed')) {
      expect(r.event.eventPolling).toBe(false);
      expect(Array.isArray(r.session?.lines)).toBe(true);
      expect(['barcode', 'rfid']).toContain((r.scanCode as { codeType: string }).codeType);
      expect(r.sender).not.toHaveProperty('overallState');
    }
  });
});

describe('every open form', () => {
  it.each(OPEN_PLACES.map((p) => [p.id, p] as const))('%s: each form applies to a request that carries the place, and is recognised', (_id, place) => {
    const event = catalogue().names().find((e) => place.appliesTo(catalogue().get(e), config))!;
    const base = toAgreed(sample(event, 'agreed', 1)[0], catalogue().get(event), config);
    const prepared = place.prepare ? place.prepare(base) : base;
    for (const form of place.forms) {
      const r = form.apply(prepared)!;
      expect(r, form.id).toBeDefined();
      expect(form.uses(r), form.id).toBe(true);
      for (const other of place.forms.filter((f) => f !== form)) expect(other.uses(r), `${form.id} is not ${other.id}`).toBe(false);
      const open = openFormsIn(r, catalogue().get(event), config).map((f) => f.form.id);
      expect(open.includes(form.id)).toBe(form.id !== place.agreed);
      // Applying a form never changes the request it was given.
      expect(prepared).toEqual(place.prepare ? place.prepare(base) : base);
    }
  });
});

describe('which refusals of a valid request are tolerated', () => {
  const selectRelation = catalogue().get('selectRelation');
  const agreed = sample('selectRelation', 'agreed', 1)[0];

  it('a request in agreed forms refused with INVALID_DATA, or a code of its own: not tolerated', () => {
    expect(toleratedRefusal(agreed, 'INVALID_DATA', selectRelation, config)).toBeUndefined();
    expect(toleratedRefusal(agreed, 'UNKNOWN_CODE', selectRelation, config)).toBeUndefined();
    expect(toleratedRefusal(agreed, undefined, selectRelation, config)).toBeUndefined();
  });

  it('a request naming a relation refused with INVALID_RELATION_NUMBER: tolerated; one naming none: not', () => {
    expect(toleratedRefusal(agreed, 'INVALID_RELATION_NUMBER', selectRelation, config)).toMatchObject({ kind: 'reference', reference: 'a relation' });
    const start = { event: { eventBlocking: true, eventCounter: 1, eventTimestamp: '' }, sender: {}, session: { sessionId: 'x', lines: [] } } as unknown as MplusRequest;
    expect(toleratedReference(start, 'INVALID_RELATION_NUMBER')).toBeUndefined();
    expect(toleratedReference(start, 'INVALID_ARTICLE')).toBeUndefined();
    expect(toleratedReference({ ...start, session: { sessionId: 'x', lines: [{ lineId: 'l', text: 'Coffee', articleNumber: 5 }] } }, 'INVALID_ARTICLE')).toBeDefined();
  });

  it("a relation of the integrator's own catalogue is one it knows: refusing it is not tolerated", () => {
    const relation = (agreed.selectRelation as { relation: { relationNumber: number } }).relation;
    const known = { articles: [], codes: [], relations: [{ relationNumber: relation.relationNumber }], customActions: [], paymentMethods: [] };
    const session = { ...agreed.session!, relation };
    expect(toleratedRefusal({ ...agreed, session }, 'INVALID_RELATION_NUMBER', selectRelation, config, known)).toBeUndefined();
  });

  it('a request using an open form: tolerated, whatever the code; the POS error request is read through its original', () => {
    const deselected = OPEN_PLACES[0].forms[1].apply(agreed)!;
    expect(toleratedRefusal(deselected, 'INVALID_DATA', selectRelation, config)).toMatchObject({ kind: 'open-form' });
    const errorRequest = { error: { code: 'INVALID_LINE_ID', message: 'x' }, original: deselected } as unknown as MplusRequest;
    expect(toleratedRefusal(errorRequest, 'INVALID_DATA', selectRelation, config)).toMatchObject({ kind: 'open-form' });
  });
});
