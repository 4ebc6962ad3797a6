import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProfileName } from '../../src/runner/types.js';
import { startLongPoller } from './long-poller.js';
import { PCRE_EVENTS, startPcreForms } from './pcre-forms.js';
import { startPython, type ReceiverSetup, type Running } from './start.js';
import { startTicketing, TICKETING_EVENTS } from './ticketing.js';

/**
 * The alternative correct receivers: each conformant in a style unlike the reference (src/reference/), written
 * from the spec and the seeds. The matrix test (test/matrix.test.ts) runs the whole suite against each under
 * many seeds and expects the same verdict (conformant) and the same warnings every time.
 */
/**
 * The styles issue 17 §4 asks the matrix to hold, each in its words: every one is covered by at least one
 * receiver (`covers`), which test/matrix.test.ts checks.
 */
export const COVERED = {
  'mac-bytes': 'a verifier that decodes the header and compares MAC bytes',
  'events-404': 'one that answers only its subscribed events and 404 for the rest (run with --events)',
  'slow-cash-machine': 'a slow cash machine (4 polls of 700 ms)',
  'long-pollers': 'long pollers',
  'seed-002-forms': 'one that accepts only the seed-002 forms where the spec is ambiguous',
  'pcre-patterns': 'one whose forms use PCRE-style patterns',
  'json-separators': 'one whose replies use other JSON separators and key orders',
} as const;

export interface AltReceiver {
  name: string;
  /** The styles of {@link COVERED} it stands for. */
  covers: Array<keyof typeof COVERED>;
  profile: ProfileName;
  language: 'Python' | 'TypeScript';
  /** The style, and what it exercises, in a line (the README of test/receivers says the same). */
  style: string;
  start(setup: ReceiverSetup): Promise<Running>;
  /** What the integrator would configure: `--events`, `--config`… (beside url, secret, subscription, seed, runs). */
  args: string[];
  /** The checks that warn under every seed, and the spec's reason: anything else passes or skips. */
  warns: Record<string, string>;
  /** It spends its runs waiting (long-polls, held replies): the matrix starts it first. */
  waits?: boolean;
}

const here = dirname(fileURLToPath(import.meta.url));
/** `--config` with a config file of test/receivers/. */
export const config = (name: string): string[] => ['--config', join(here, name)];

/** The seed-000 session events. */
const SESSION_EVENTS = 'startSession,scanCode,addSessionLine,removeSessionLine,pauseSession,resumeSession,startPayment,cancelPayment,mergeSession,cancelSession,completeSession';
const PAYMENT_EVENTS = 'startExternalPayment,pollExternalPayment,requestCancelExternalPayment,cancelExternalPayment';

export const RECEIVERS: AltReceiver[] = [
  {
    name: 'mac-bytes',
    covers: ['mac-bytes', 'events-404'],
    profile: 'mplus',
    language: 'Python',
    style: 'decodes X-Mplus-Signature (padding optional) and compares the MAC bytes; the seed-000 session events',
    start: (s) => startPython('mplus_mac_bytes.py', s),
    args: ['--events', SESSION_EVENTS],
    warns: {},
  },
  {
    name: 'cash-machine',
    covers: ['slow-cash-machine', 'events-404'],
    profile: 'mplus',
    language: 'Python',
    style: 'a slow cash machine: external payments confirmed after 4 long-polls of 700 ms each; signature compared as text',
    start: (s) => startPython('mplus_cash_machine.py', s),
    args: ['--events', PAYMENT_EVENTS],
    warns: {},
    waits: true,
  },
  {
    name: 'seed-002-only',
    covers: ['seed-002-forms', 'events-404'],
    profile: 'mplus',
    language: 'Python',
    style: 'accepts only the seed-002 forms where the spec is loose (selectRelation.relation: null, codeType barcode/rfid, session.lines always), 400 INVALID_DATA for the others',
    start: (s) => startPython('mplus_seed002.py', s),
    args: ['--events', 'startSession,scanCode,addSessionLine,selectRelation,completeSession'],
    warns: { 'MP-ROB-001': 'it refuses the request forms the vendor pages use where seed 002 differs: the spec leaves them open' },
  },
  {
    name: 'pretty-json',
    covers: ['json-separators'],
    profile: 'mplus',
    language: 'Python',
    style: 'every event subscribed; replies pretty-printed with sorted keys and ", " / ": " separators, \\u escapes, signed over those bytes',
    start: (s) => startPython('mplus_pretty.py', s),
    args: [],
    warns: {},
  },
  {
    name: 'ticketing',
    covers: ['events-404'],
    profile: 'mplus',
    language: 'TypeScript',
    style: 'node:http; answers only its subscribed events, 404 for the rest (--events); time-slot dialogs, tickets in the receipt footer',
    start: (s) => startTicketing(s),
    args: ['--events', TICKETING_EVENTS.join(',')],
    warns: {},
  },
  {
    name: 'pcre-forms',
    covers: ['pcre-patterns', 'events-404'],
    profile: 'mplus',
    language: 'TypeScript',
    style: 'node:http; a custom action opens a form whose fields use PCRE-style patterns ((?i)^[a-z]+$), validated with the same reading',
    start: (s) => startPcreForms(s),
    args: ['--events', PCRE_EVENTS.join(',')],
    warns: {
      'MP-SHP-006':
        'its forms use (?i), an inline flag of PCRE, Python, Java and .NET that ECMAScript has not: the spec names no regex dialect, so a pattern valid in common dialects warns (the POS may read it otherwise), and only one no dialect accepts fails',
    },
  },
  {
    name: 'long-poller',
    covers: ['long-pollers'],
    profile: 'mplus',
    language: 'TypeScript',
    style: 'node:http; addSessionLine and startPayment subscribed as polling, and backgroundPoll: 3 to 10 rounds a process; a backgroundPoll process (10 rounds held 400 ms) outlasts its 3 s budget',
    start: (s) => startLongPoller(s),
    args: config('long-poller.config.json'),
    warns: {},
    waits: true,
  },
  {
    name: 'kopokopo-raw',
    covers: [],
    profile: 'kopokopo',
    language: 'Python',
    style: 'the Python SDK way: hex HMAC of the raw bytes, compare_digest, 200 / 401, 400 for a body that is not a JSON object, Content-Type ignored',
    start: (s) => startPython('kopokopo_raw.py', s),
    args: [],
    warns: {},
  },
];
