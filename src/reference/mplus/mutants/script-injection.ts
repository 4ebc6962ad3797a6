import type { MplusReply } from '../../../generated/mplus/reply.js';
import { catalogue } from '../../../protocol/mplus/catalogue.js';
import { changeReplies, mplusMutant } from '../mutant.js';
import type { Outgoing } from '../receiver.js';

/**
 * Markup that runs script, loads something or breaks out of its element when a report puts it into a page
 * unescaped. Each payload sets `window.__pwned` (and some call `alert`), so a browser test can tell whether
 * any of it ran; the URLs point at a closed loopback port, so a request that leaves the page is visible too.
 */
export const INJECTION = {
  script: '<script>window.__pwned="script";alert("script")</script>',
  img: '<img src=x onerror="window.__pwned=\'img\';alert(\'img\')">',
  link: '<a href="javascript:window.__pwned=\'link\'">open the voucher</a>',
  pre: '</pre></code></summary></details></section></main><script>window.__pwned="pre"</script><pre>',
  attribute: '"><svg onload="window.__pwned=\'attribute\'">\'><iframe src="http://127.0.0.1:9/frame"></iframe>',
  style: '</style><style>body{background:url(http://127.0.0.1:9/css)}</style><link rel="stylesheet" href="http://127.0.0.1:9/sheet.css">',
  meta: '<meta http-equiv="refresh" content="0;url=http://127.0.0.1:9/refresh"><base href="http://127.0.0.1:9/">',
  url: 'javascript:window.__pwned=7;alert(7)',
} as const;

/** An undocumented top-level reply object whose very name is markup: MP-SHP-007 quotes it in its failure. */
const HOSTILE_KEY = `x${INJECTION.script}`;

/** Every payload in one string (header-safe: printable ASCII, no CR/LF). */
const ALL = Object.values(INJECTION).join(' ');

/** A 400 error reply keeps its vendor code (so error checks still pass) but carries markup in its message. */
function hostileError(out: Outgoing | undefined): Outgoing | undefined {
  const error = out?.reply?.error as { code?: string; message?: string } | undefined;
  if (!out || !error) return out;
  return { ...out, reply: { ...out.reply, error: { ...error, message: `${error.message} ${INJECTION.img} ${INJECTION.pre}` } } };
}

export default mplusMutant({
  name: 'script-injection',
  description:
    'puts <script>, <img onerror>, javascript: links and </pre> breakouts in every text it controls (reply bodies, a custom response header, error messages, dialog titles, message texts), including an undocumented reply object named with markup',
  checks: ['MP-SHP-007'],
  break: (ref) => {
    const replies = changeReplies(ref, (event, reply) => {
      const allowed = catalogue().get(event).replyObjects;
      const out: MplusReply = { ...reply, [HOSTILE_KEY]: { note: INJECTION.pre, link: INJECTION.link } };
      out.message = [...(reply.message ?? []), { message: `${INJECTION.script} ${INJECTION.link}`, customerMessage: INJECTION.img }];
      if (reply.dialog) {
        out.dialog = {
          ...reply.dialog,
          dialogTitle: `${INJECTION.script}${INJECTION.attribute}`.slice(0, 500),
          dialogOptions: reply.dialog.dialogOptions.map((o) => ({ ...o, optionName: `${o.optionName} ${INJECTION.img}`.slice(0, 500) })),
        };
      }
      if (reply.form) out.form = { ...reply.form, title: `${INJECTION.style}${INJECTION.meta}`.slice(0, 200) };
      if (allowed.includes('openUrl') && !reply.openUrl) out.openUrl = { url: INJECTION.url, urlTitle: INJECTION.link, autoOpen: false };
      return out;
    });
    return {
      ...replies,
      contentType: (inc) => hostileError(ref.contentType(inc)),
      subscription: (inc) => hostileError(ref.subscription(inc)),
      signature: (inc) => hostileError(ref.signature(inc)),
      parse(inc) {
        const parsed = ref.parse(inc);
        return 'body' in parsed ? parsed : hostileError(parsed)!;
      },
      validate: (event, body) => hostileError(ref.validate(event, body)),
      sign: (text) => ({ ...ref.sign(text), 'x-debug-note': ALL }),
    };
  },
});
