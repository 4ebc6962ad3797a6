import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { changeReplies } from '../src/reference/mplus/mutant.js';
import { mplusHandlers, newReplyState, referenceStages } from '../src/reference/mplus/receiver.js';
import { serveHandlers, type ServedReceiver } from '../src/reference/server.js';
import { cli, statuses } from './helpers.js';

// A correct receiver whose forms use PCRE-style patterns (issue 17 §2): the spec names no regex dialect, so
// MP-SHP-006 warns and names the dialects, and hookcert still fills the form in (the form checks pass).
const secret = randomBytes(32).toString('base64');
let served: ServedReceiver;
beforeAll(async () => {
  const stages = changeReplies(referenceStages({ secret, secretEncoding: 'base64', subscriptionIds: [] }), (_event, reply) => {
    for (const f of reply.form?.fields ?? []) if (f.id === 'card_number') f.regex = '(?i)\\AC\\d{8}+\\z';
    return reply;
  });
  served = await serveHandlers(mplusHandlers(stages, newReplyState()));
});
afterAll(async () => served.close());

it.each(['1', '2'])('a receiver whose forms use (?i), \\A, \\z and possessive quantifiers is conformant, with a dialect warning (seed %s)', async (seed) => {
  const out = await cli(['run', '--url', served.url, '--secret', secret, '--seed', seed, '--runs', '6', '--check', 'MP-SHP-006,MP-FRM-001,MP-FRM-003,MP-SES-001']);
  const got = statuses(out.results);
  expect(got, out.stdout).toEqual({ 'MP-SHP-006': 'warn', 'MP-FRM-001': 'pass', 'MP-FRM-003': 'pass', 'MP-SES-001': 'pass' });
  const warning = out.results!.checks.find((c) => c.id === 'MP-SHP-006')!.warnings.join(' ');
  expect(warning).toContain('is not ECMAScript');
  expect(warning).toMatch(/inline flag group \(\?i\), valid in PCRE, Python, Java and \.NET/);
  expect(warning).toMatch(/possessive/);
  expect(out.code).toBe(0);
});
