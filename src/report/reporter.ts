import type { RunResults } from '../runner/results.js';

/** A file reporter: turns the results of a run into one file of the report folder. */
export interface FileReporter {
  /** The file it writes, e.g. `results.json`. */
  file: string;
  render(results: RunResults): string;
}
