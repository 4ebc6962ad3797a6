import { deriveSeed, fnv1a } from '../runner/seed.js';
import type { Identity } from '../protocol/mplus/requests.js';

/** Fixed clock origin, so the same seed gives the same `eventTimestamp`s, byte for byte. */
const EPOCH = Date.UTC(2026, 0, 5, 8, 0, 0);

/**
 * One simulated POS workplace (`sender`): its branch, number and `instanceId` (regenerated on each POS
 * restart), its `eventCounter` ("an increasing counter that helps you check if you already processed an
 * event") and its clock. Checks run side by side, so each check is a shop of its own: the workplaces of one
 * owner (a check id) share a branch, and their branch and workplace numbers come from the owner alone, their
 * instance ids and clocks from the check's seed, never from what runs beside them.
 */
export class Workplace {
  readonly branchNumber: number;
  readonly workplaceNumber: number;
  readonly instanceId: string;
  private counter = 0;
  private clock: number;
  /** The minute of this workplace's clock, formatted (each clock has its own: they are minutes apart). */
  private readonly minute: MinuteText = { minute: NaN, text: '' };

  constructor(seed: number, index: number, owner?: string) {
    const s = deriveSeed(seed, `workplace:${index}`) >>> 0;
    this.branchNumber = owner === undefined ? 1 + (s % 9) : 1 + (fnv1a(`branch:${owner}`) % 9999);
    // Workplace numbers stay within the schema's 1…9999 for the first hundred workplaces of a shop.
    this.workplaceNumber = owner === undefined ? 1 + index : 1 + (fnv1a(`workplace:${owner}`) % 9899) + index;
    this.instanceId = uuidFrom(s, index);
    this.clock = EPOCH + (s % 86_400) * 1000;
  }

  /** The identity of the next event of this workplace: counter + 1, clock + a little. */
  next(): Identity {
    this.counter += 1;
    this.clock += 1_337;
    return {
      branchNumber: this.branchNumber,
      workplaceNumber: this.workplaceNumber,
      instanceId: this.instanceId,
      eventCounter: this.counter,
      eventTimestamp: timestamp(this.clock, this.minute),
    };
  }
}

/** A minute of a clock and its ISO text up to the seconds (`2026-01-05T09:00:`). */
export interface MinuteText {
  minute: number;
  text: string;
}

/** The minute the last {@link timestamp} without a cache of its own fell in. */
const lastMinute: MinuteText = { minute: NaN, text: '' };

/**
 * ISO 8601 with milliseconds and the +01:00 offset of the vendor's examples. A clock moves 1.337 s an event,
 * so the date, hour and minute are formatted once a minute (in `cache`: a workplace keeps its own, as
 * workplaces' clocks are minutes apart) and only the seconds and milliseconds per event: the same text as
 * `toISOString()`'s (a test compares them), without a Date and a replace per delivery.
 */
export function timestamp(utcMs: number, cache: MinuteText = lastMinute): string {
  const local = utcMs + 3_600_000;
  if (!Number.isSafeInteger(local)) return `${new Date(local).toISOString().replace('Z', '')}+01:00`;
  const m = Math.floor(local / 60_000);
  if (m !== cache.minute) {
    cache.minute = m;
    cache.text = new Date(m * 60_000).toISOString().slice(0, -7);
  }
  const within = local - m * 60_000;
  const s = Math.floor(within / 1000);
  const ms = within - s * 1000;
  return `${cache.text}${s < 10 ? '0' : ''}${s}.${ms < 10 ? '00' : ms < 100 ? '0' : ''}${ms}+01:00`;
}

/** A version-4-shaped UUID from a seed. */
export function uuidFrom(seed: number, salt: number | string): string {
  let hex = '';
  for (let i = 0; hex.length < 32; i++) hex += (deriveSeed(seed, `${salt}:${i}`) >>> 0).toString(16).padStart(8, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[parseInt(hex[16], 16) % 4]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
