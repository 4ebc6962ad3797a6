import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fail, mplusHandlers, newReplyState, referenceStages, type Body, type Stages } from '../src/reference/mplus/receiver.js';
import { serveHandlers, type ServedReceiver } from '../src/reference/server.js';
import { cli, statuses } from './helpers.js';

// The leniency policy, end to end (README, "How the spec was read"): receivers that read the spec one way
// where it is open stay conformant with the same warnings under every seed; receivers that refuse requests
// valid under every reading are not conformant.
const secret = randomBytes(32).toString('base64');
const setup = { secret, secretEncoding: 'base64' as const, subscriptionIds: [] };

/** The reference with its validation stage tightened by `refuse` (an error reply, or undefined to let it through). */
function validating(refuse: (event: string, body: Body) => ReturnType<Stages['validate']>): Stages {
  const ref = referenceStages(setup);
  return { ...ref, validate: (event, body) => (body.error && body.original ? undefined : refuse(event, body)) ?? ref.validate(event, body) };
}

const SENDER = ['branchNumber', 'workplaceNumber', 'employeeNumber', 'instanceId', 'language', 'paymentStarted', 'productName', 'versionNumber', 'browser', 'hasReceiptPrinter', 'overallState', 'coverState', 'paperState', 'ageInSeconds'];

const receivers: Record<string, Stages> = {
  // Written from seed 002 alone: the 002 forms where the spec is open, nothing else.
  seed002: validating((event, body) => {
    if (event === 'selectRelation' && (body.selectRelation === null || !('relation' in (body.selectRelation ?? {})))) return fail('INVALID_DATA', 'selectRelation.relation missing');
    if (!('eventPolling' in (body.event ?? {}))) return fail('INVALID_DATA', 'event.eventPolling missing');
    if (body.session && !Array.isArray(body.session.lines)) return fail('INVALID_DATA', 'session.lines missing');
    if (event === 'scanCode' && body.scanCode?.codeType === 'qrcode') return fail('INVALID_DATA', 'codeType must be barcode or rfid');
    return undefined;
  }),
  // A loyalty system that answers a relation it has no record of with the vendor's code for it.
  unknownRelations: validating((event, body) =>
    event === 'selectRelation' && body.selectRelation?.relation ? fail('INVALID_RELATION_NUMBER', 'no such relation in the loyalty programme') : undefined,
  ),
  // Refuses what it does not know: breaks on every newer POS.
  strict: validating((_event, body) => (Object.keys(body.sender ?? {}).some((k) => !SENDER.includes(k)) ? fail('INVALID_DATA', 'unknown property in sender') : undefined)),
  // Refuses valid scans with a code of its own.
  ownCode: validating((event) => (event === 'scanCode' ? fail('UNKNOWN_CODE', 'we do not know this code') : undefined)),
  // Cannot take a deselect in either form.
  noDeselect: validating((event, body) => (event === 'selectRelation' && !body.selectRelation?.relation ? fail('INVALID_DATA', 'no relation') : undefined)),
};

const served: Record<string, ServedReceiver> = {};
beforeAll(async () => {
  for (const [name, stages] of Object.entries(receivers)) served[name] = await serveHandlers(mplusHandlers(stages, newReplyState()));
});
afterAll(async () => {
  for (const r of Object.values(served)) await r.close();
});

const CHECKS = 'MP-SIG-001,MP-ROB-001,MP-ROB-004,MP-TIM-002,MP-SES-001,MP-IDM-001';
const run = (name: string, seed: number, checks = CHECKS) =>
  cli(['run', '--url', served[name].url, '--seed', String(seed), '--runs', '4', '--check', checks], { HOOKCERT_SECRET: secret });

describe('a receiver that reads the open places of the spec one way', () => {
  it('is conformant with the same verdicts and warnings under every seed, the warnings only from MP-ROB-001', async () => {
    const seen = new Set<string>();
    for (const seed of [1, 2, 3]) {
      const out = await run('seed002', seed);
      expect(out.results?.verdict, out.stdout).toBe('conformant');
      const warned = out.results!.checks.filter((c) => c.warnings.length > 0);
      expect(warned.map((c) => c.id)).toEqual(['MP-ROB-001']);
      seen.add(JSON.stringify([statuses(out.results), warned.map((c) => c.warnings)]));
    }
    expect(seen.size).toBe(1);
    const [, warnings] = JSON.parse([...seen][0]) as [unknown, string[][]];
    expect(warnings[0].join('\n')).toMatch(/"selectRelation": null/);
    expect(warnings[0].join('\n')).toMatch(/no "eventPolling"/);
    expect(warnings[0].join('\n')).toMatch(/without "lines"/);
    expect(warnings[0].join('\n')).toMatch(/"qrcode"/);
  });

  it('refusing a relation it does not know with INVALID_RELATION_NUMBER is tolerated with a warning', async () => {
    const out = await run('unknownRelations', 5, 'MP-SIG-001,MP-ROB-001');
    expect(out.results?.verdict, out.stdout).toBe('conformant');
    expect(out.results!.checks.find((c) => c.id === 'MP-SIG-001')?.warnings.join('\n')).toMatch(/naming a relation hookcert made up .* INVALID_RELATION_NUMBER/);
  });
});

describe('a receiver that refuses requests valid under every reading', () => {
  it('refusing unknown extra properties fails MP-ROB-004 (forward compatibility)', async () => {
    const out = await run('strict', 5, 'MP-ROB-004');
    expect(statuses(out.results)['MP-ROB-004'], out.stdout).toBe('fail');
    expect(out.results!.checks[0].failure?.message).toMatch(/a valid request was refused with HTTP 400 INVALID_DATA/);
  });

  it('refusing valid scans with a code of its own fails MP-SIG-001 and MP-ROB-001', async () => {
    const out = await run('ownCode', 5, 'MP-SIG-001,MP-ROB-001');
    expect(statuses(out.results)).toEqual({ 'MP-SIG-001': 'fail', 'MP-ROB-001': 'fail' });
  });

  it('refusing a deselect in both forms the spec gives fails MP-ROB-001', async () => {
    const out = await run('noDeselect', 5, 'MP-ROB-001');
    expect(statuses(out.results)['MP-ROB-001'], out.stdout).toBe('fail');
    expect(out.results!.checks[0].failure?.message).toMatch(/selectRelation: a deselected relation \(selectRelation\) was refused in every form the spec allows/);
  });
});
