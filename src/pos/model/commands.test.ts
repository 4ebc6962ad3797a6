import { describe, expect, it } from 'vitest';
import type { Subscription } from '../../runner/subscription.js';
import { HttpClient } from '../../http/client.js';
import { catalogue } from '../../protocol/mplus/catalogue.js';
import { mplusEvents } from '../driver.js';
import { DEFAULT_RUN_OPTIONS } from '../../runner/options.js';
import { Recorder } from '../../runner/recorder.js';
import { registry } from '../../schema/registry.js';
import { Secret } from '../../secret.js';
import { MplusContext } from '../context.js';
import { SessionCommand } from './commands.js';
import { PosWorld } from './world.js';

// Which actions the POS allows when: the preconditions of the model (nothing is sent here).
const sub: Subscription = {
  profile: 'mplus',
  url: 'http://127.0.0.1:9/webhooks',
  subscriptionId: 'acme',
  subscriptionIdKnown: true,
  secret: new Secret('c2VjcmV0'),
  secretEncoding: 'base64',
  events: catalogue()
    .names()
    .map((name) => ({ name, ...mplusEvents.defaults(name) })),
  topicUrls: {},
};
const t = new MplusContext(sub, { ...DEFAULT_RUN_OPTIONS, seed: 1 }, 1, { client: new HttpClient(), recorder: new Recorder(), schemas: registry(), catalogue: catalogue(), source: 'MP-TST-001' });
const command = (action: string, w = 0) => new SessionCommand(action, w, t.request(catalogue().get(action === 'add' ? 'addSessionLine' : 'startSession').name), 0, false);

describe('the POS user’s actions in a session’s life', () => {
  it('starts a session where there is none; an article or a scan starts one too; the rest need one', () => {
    const world = new PosWorld(t, 2, t.flow('test'));
    expect(command('start').check(world)).toBe(true);
    expect(command('add').check(world)).toBe(true);
    for (const action of ['remove', 'pause', 'pay', 'unpay', 'complete', 'cancel', 'merge', 'credit', 'bill', 'resume']) expect(command(action).check(world), action).toBe(false);
  });

  it('allows no new article in the payment screen or in a session locked for additions, and no removal in a locked one', () => {
    const world = new PosWorld(t, 1, t.flow('test'));
    const till = world.tills[0];
    till.open(till.newSession());
    till.session!.lines.push({ line: { lineId: t.freshId('line'), text: 'Coffee' }, origin: 'pos' });
    expect(['add', 'remove', 'pay', 'complete', 'pause'].map((a) => command(a).check(world))).toEqual([true, true, true, true, true]);
    till.session!.lockedForAdditions = true;
    expect(['add', 'remove'].map((a) => command(a).check(world))).toEqual([false, true]);
    till.session!.locked = true;
    expect(command('remove').check(world)).toBe(false);
    till.session!.locked = false;
    till.session!.paymentStarted = true;
    expect(['add', 'pause', 'cancel', 'unpay', 'complete'].map((a) => command(a).check(world))).toEqual([false, false, false, true, true]);
  });

  it('resumes a paused session on any workplace, parking the session that workplace works on first', () => {
    const world = new PosWorld(t, 2, t.flow('test'));
    const [w1, w2] = world.tills;
    w1.open(w1.newSession());
    world.paused.push(w1.session!);
    w1.open(undefined);
    w2.open(w2.newSession());
    expect(command('resume', 1).check(world)).toBe(true);
    expect(String(command('add', 1))).toBe('w2 addSessionLine');
  });
});
