import { resolve } from 'node:path';
import { plural } from '../../words.js';
import { ensureWritable, writeReports } from '../../report/write.js';
import { mergeResults } from '../../runner/shard.js';
import { verdictGateText } from '../../runner/verdict.js';
import { exitCodeOf } from '../execute.js';
import type { Io } from '../io.js';
import { readResults } from './replay.js';

/** What `hookcert merge` was given: the shards' results.json files and where to write. */
export interface MergeInput {
  args?: string[];
  reportDir?: string;
}

/**
 * `hookcert merge a.json b.json …`: joins the results of the shards of one run (`--shard K/N`) into one report
 * (results.json, junit.xml, summary.md, index.html) with the verdict and the gate recomputed (the shards'
 * baseline comparisons joined), and exits as that run would have: 0 the gate passed, 1 it failed, 3 incomplete
 * (a shard incomplete or missing); 2 for files that are not shards of one run (or of runs with other baselines).
 */
export async function mergeCommand(input: MergeInput, io: Io): Promise<number> {
  const files = input.args?.flat() ?? [];
  const shards = files.map((f) => readResults(f));
  const merged = mergeResults(shards);
  const dir = resolve(input.reportDir ?? 'reports/merged');
  ensureWritable(dir);
  writeReports(merged, dir, []);
  const s = merged.summary;
  io.stdout(`merged ${plural(files.length, 'result file')}: ${plural(s.total, 'check')}: ${s.pass} pass, ${s.fail} fail, ${s.warn} warn, ${s.skip} skip, ${s.error} error · ${plural(merged.stats.requests, 'request')}\n`);
  const said = verdictGateText(merged, merged.coverage?.notCertified);
  // The run's own closing line, word for word (the gate's reason says why an incomplete merge is incomplete).
  io.stdout(`verdict: ${said.verdict} · gate: ${said.gate} (seed ${merged.seed})\nreport: ${resolve(dir, 'index.html')}\n`);
  return exitCodeOf(merged);
}
