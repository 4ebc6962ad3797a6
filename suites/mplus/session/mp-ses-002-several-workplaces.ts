import { runSessionModel, sessionSubscribed } from '../../../src/pos/model/run.js';
import { mplusCheck } from '../check.js';

export default mplusCheck({
  id: 'MP-SES-002',
  title: 'MUST keep the sessions of several workplaces apart, a session paused on one and resumed on another included',
  level: 'MUST',
  area: 'session',
  spec: {
    doc: 'spec/seeds/000 (How to subscribe)',
    quote: 'resumeSession – The session is restored from a queue, table or other kind of background status.',
  },
  appliesTo: sessionSubscribed,
  long: true,
  async run(t) {
    // Three workplaces of one shop, their events interleaved (whatever --concurrency: the same requests).
    const workplaces = 3;
    // Sessions move: parked on one workplace (pauseSession), picked up on another (resumeSession). Every case
    // opens with a workplace that parks its session, starts another and resumes the first: a receiver that
    // keeps one session per workplace is seen under every seed, whatever exploration found.
    await runSessionModel(t, {
      workplaces,
      maxCommands: 20,
      weights: { pause: 5, resume: 6, pay: 1, complete: 1 },
      opening: ['start', 'pause', 'start', 'resume'],
      runs: Math.max(12, t.options.runs),
    });
  },
});
