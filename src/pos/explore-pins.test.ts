import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogueOf } from '../runner/catalogue.js';
import type { Subscription } from '../runner/subscription.js';
import { catalogue } from '../protocol/mplus/catalogue.js';
import { requestArbitrary, type MplusRequest } from '../protocol/mplus/requests.js';
import { registry } from '../schema/registry.js';
import { pinsOf, place } from './explore-pins.js';

const schemas = registry();
const request = (event: string, seed = 1): MplusRequest =>
  fc.sample(requestArbitrary(schemas, catalogue().get(event), { blocking: true, polling: false, triggers: [] }), { seed, numRuns: 1 })[0];
const sub = (over: Partial<Subscription> = {}) => ({ events: [{ name: 'scanCode', blocking: true, polling: false, budgetMs: 3000, triggers: [] }], ...over }) as unknown as Subscription;
let n = 0;
const lineId = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

describe('pins', () => {
  it('are the catalogue’s entries first, then the spec’s vocabulary, each once, without ids', () => {
    const pins = pinsOf(sub({ catalogue: catalogueOf({ articles: [{ articleNumber: 4711, text: 'Tour Ticket (Adult)' }], customActions: [{ id: 'REGISTER' }] }) }), schemas);
    expect(pins[0]).toEqual({ kind: 'article', values: { articleNumber: 4711, text: 'Tour Ticket (Adult)' }, from: 'catalogue', label: 'article "Tour Ticket (Adult)" (4711)' });
    expect(pins.find((p) => p.kind === 'customAction')).toMatchObject({ from: 'catalogue', values: { customActionId: 'REGISTER', buttonCaption: 'REGISTER' } });
    expect(pins.filter((p) => p.from === 'vocabulary').map((p) => p.label)).toEqual(expect.arrayContaining(['article "Coffee" (1)', 'article "Tour Ticket (Adult)"', 'barcode "8712345678901"', 'relation 54', 'payment method CONTANT']));
    expect(pins.every((p) => !('lineId' in p.values))).toBe(true);
  });

  it('leave out codes the scanCode triggers do not forward', () => {
    const triggers = [{ codeType: 'qrcode' as const, pattern: '^WVH[A-F0-9]+$' }];
    const pins = pinsOf(sub({ events: [{ name: 'scanCode', blocking: true, polling: false, budgetMs: 3000, triggers }], catalogue: catalogueOf({ codes: [{ code: 'WVH1A2B', codeType: 'qrcode' }, { code: 'X1', codeType: 'qrcode' }] }) }), schemas);
    expect(pins.filter((p) => p.kind === 'code').map((p) => p.values.scannedCode)).toEqual(['WVH1A2B']);
  });

  it('put an article into the added line and the same line of the session, or into the session of another event', () => {
    const [article] = pinsOf(sub({ catalogue: catalogueOf({ articles: [{ articleNumber: 4711, text: 'Tour Ticket (Adult)', priceIncl: 12.5 }] }) }), schemas);
    for (let seed = 1; seed < 30; seed++) {
      const added = place(request('addSessionLine', seed), 'addSessionLine', article, lineId, schemas)!;
      const line = added.addSessionLine!.line;
      expect(line).toMatchObject({ articleNumber: 4711, text: 'Tour Ticket (Adult)', priceIncl: 12.5 });
      expect(added.session!.lines!.find((l) => l.lineId === line.lineId)).toEqual(line);
      const paid = place(request('startPayment', seed), 'startPayment', article, lineId, schemas)!;
      expect(paid.session!.lines!.at(-1)).toMatchObject({ articleNumber: 4711, text: 'Tour Ticket (Adult)' });
    }
    expect(place(request('customAction'), 'customAction', pinsOf(sub(), schemas).find((p) => p.kind === 'code')!, lineId, schemas)).toBeUndefined();
  });
});
