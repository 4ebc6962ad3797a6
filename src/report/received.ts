/**
 * A check's `received` text quotes reply bodies as JSON string literals (`HTTP 400 "{\"error\":…}"`): escaped
 * once for the text, and again by any reporter. Reporters show those bodies as themselves instead: split
 * out, unescaped once, and (in the HTML) pretty-printed.
 */

/** A piece of a `received` text: words, or a body it quoted. */
export type ReceivedPart = { text: string } | { body: string };

const LITERAL = /"(?:[^"\\\n]|\\.)*"/g;

/** The pieces of `received`: each quoted JSON object or array is a `body`, unescaped; the rest stays text. */
export function receivedParts(received: string): ReceivedPart[] {
  const out: ReceivedPart[] = [];
  let last = 0;
  for (const m of received.matchAll(LITERAL)) {
    let decoded: unknown;
    try {
      decoded = JSON.parse(m[0]);
    } catch {
      continue;
    }
    // A body: JSON-looking, or whatever directly follows the status (`HTTP 500 "<html>…"`).
    if (typeof decoded !== 'string' || !(/^\s*[[{]/.test(decoded) || /HTTP \d{3} $/.test(received.slice(0, m.index)))) continue;
    if (m.index > last) out.push({ text: received.slice(last, m.index) });
    out.push({ body: decoded });
    last = m.index + m[0].length;
  }
  if (last < received.length) out.push({ text: received.slice(last) });
  return out;
}

/** `received` with its quoted bodies written as they came (for plain text: junit.xml, the console). */
export function receivedText(received: string): string {
  return receivedParts(received)
    .map((p) => ('body' in p ? p.body : p.text))
    .join('');
}
