import { expect, it } from 'vitest';
import { cli } from './helpers.js';
import { linePerKey, readSnapshot, REGENERATE, WRITING, writeSnapshot } from './snapshots/snapshot.js';

// Check ids are stable forever: reports, baselines and replays key on them, and a level is what a certifier
// reads. test/snapshots/check-ids.json is append-only: a new id is added by `npm run snapshots`; an id that
// disappears or changes level is never rewritten by it, it fails here until the snapshot is edited by hand
// (and the commit says why).

const FILE = 'check-ids.json';

interface Listed {
  id: string;
  level: string;
}

async function listed(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const profile of ['mplus', 'kopokopo', 'standard-webhooks']) {
    const checks = JSON.parse((await cli(['list', '--profile', profile, '--json'])).stdout) as Listed[];
    for (const c of checks) out[c.id] = c.level;
  }
  return out;
}

it('keeps every check id with its level; new ids are in test/snapshots/check-ids.json', async () => {
  const now = await listed();
  const frozen = readSnapshot<{ checks: Record<string, string> }>(FILE)?.checks ?? {};
  const gone = Object.keys(frozen).filter((id) => !(id in now));
  const moved = Object.keys(frozen).filter((id) => id in now && now[id] !== frozen[id]).map((id) => `${id} ${frozen[id]} → ${now[id]}`);
  const added = Object.keys(now).filter((id) => !(id in frozen));
  if (WRITING && added.length > 0) {
    const next = { ...frozen };
    for (const id of added) next[id] = now[id];
    writeSnapshot(FILE, linePerKey({ $comment: `Append-only: every check id ever shipped, with its level. \`${REGENERATE}\` adds new ids; it never removes one or changes a level (edit by hand, and say why in the commit).` }, 'checks', next));
  }
  expect(gone, `check ids disappeared (reports, baselines and replays key on them); if that is truly meant, delete them from test/snapshots/${FILE} by hand and say why in the commit`).toEqual([]);
  expect(moved, `check levels changed; an id keeps its level forever: give the new level a new id, or edit test/snapshots/${FILE} by hand and say why in the commit`).toEqual([]);
  if (!WRITING) expect(added, `new check ids are not in test/snapshots/${FILE}: run \`${REGENERATE}\` and commit the snapshot`).toEqual([]);
});
