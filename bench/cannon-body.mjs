// The fixed request body of the load generators that do not generate (autocannon, undici alone): a signed-
// looking addSessionLine whose session holds as many lines as make it the size of the requests hookcert's
// engine sent in the same round (its mean), so that every generator moves the same bytes.
const line = (i) => ({ lineId: `0b5c6f4e-1d2a-4e8f-9c3b-${String(i).padStart(12, '0')}`, articleNumber: 1000 + i, text: 'Coffee', quantity: 1000, unitPrice: 250 });

/** The body, at least `bytes` long (at least the bare session when `bytes` is smaller). */
export function bodyOfSize(bytes = 0) {
  const request = { event: { eventBlocking: true, eventCounter: 1, eventTimestamp: '2026-01-05T09:00:01.337+01:00' }, sender: { branchNumber: 1, workplaceNumber: 1, instanceId: '8f0f2b8e-6a0b-4c1e-9a3e-0d6c1f1e2a3b', paymentStarted: false, productName: 'MplusQ' }, session: { sessionId: '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed', lines: [] } };
  let text = JSON.stringify(request);
  while (text.length < bytes) {
    request.session.lines.push(line(request.session.lines.length));
    text = JSON.stringify(request);
  }
  return text;
}
