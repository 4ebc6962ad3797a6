import type { FileReporter } from './reporter.js';

/** `results.json`: the machine-readable results, valid against `schemas/report/results.schema.json`. */
export const jsonReporter: FileReporter = {
  file: 'results.json',
  render: (results) => `${JSON.stringify(results, null, 2)}\n`,
};
