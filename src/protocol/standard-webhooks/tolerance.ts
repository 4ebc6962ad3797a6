import type { Recorder } from '../../runner/recorder.js';

/** The standard's reference libraries' timestamp tolerance, in seconds (spec README: "5 minutes"). */
export const STANDARD_TOLERANCE_S = 300;

/** The tolerance a receiver was measured to enforce, per direction, in seconds (`undefined`: not bounded within the probed range). */
export interface MeasuredTolerance {
  /** The oldest timestamp taken, seconds before the sender's clock. */
  past?: number;
  /** The farthest future timestamp taken, seconds after the sender's clock. */
  future?: number;
  /** The largest offset probed each way. */
  probedUpTo: number;
}

/** Measured tolerances by run (the run's recorder): what SW-TS-002 found, for the report's coverage notes. */
const measured = new WeakMap<Recorder, MeasuredTolerance>();

/** Keeps what a check measured for the run's report. */
export function noteTolerance(recorder: Recorder, m: MeasuredTolerance): void {
  measured.set(recorder, m);
}

/** A direction of the tolerance, in words: `300 s (5 min)`, `more than 86400 s`. */
export function describeSide(s: number | undefined, upTo: number): string {
  if (s === undefined) return `more than ${upTo} s (not bounded)`;
  return s >= 60 && s % 60 === 0 ? `${s} s (${s / 60} min)` : `${s} s`;
}

/** The tolerance as a sentence beside the standard's, or `undefined` when the run did not measure it. */
export function toleranceNote(recorder: Recorder): string | undefined {
  const m = measured.get(recorder);
  if (!m) return undefined;
  return `timestamp tolerance enforced (SW-TS-002, against hookcert's clock): past ${describeSide(m.past, m.probedUpTo)}, future ${describeSide(m.future, m.probedUpTo)}; the standard's reference libraries: ${STANDARD_TOLERANCE_S} s (5 min) each way`;
}
