/**
 * Where a check's spec reference can be read: the vendor's public page it comes from, and the document of
 * hookcert's spec folder it cites (`spec/seeds/002 (JSON reference)`, `spec/README.md#signature…`).
 */

/** A public page of the vendor's documentation. */
export interface VendorPage {
  title: string;
  url: string;
}

const MPLUS = 'https://developers.mpluskassa.nl/webhooks';
const PAGES: Record<string, VendorPage> = {
  subscribe: { title: 'MplusKASSA: How to subscribe', url: `${MPLUS}/how-to-subscribe` },
  flows: { title: 'MplusKASSA: Example flows', url: `${MPLUS}/example-flows` },
  json: { title: 'MplusKASSA: JSON definitions', url: `${MPLUS}/json-definitions` },
  polling: { title: 'MplusKASSA: Polling', url: `${MPLUS}/polling` },
  technical: { title: 'MplusKASSA: Technical details', url: `${MPLUS}/technical-details` },
  errors: { title: 'MplusKASSA: Error codes', url: `${MPLUS}/error-codes` },
  kopokopo: { title: 'Kopo Kopo: Webhooks', url: 'https://developers.kopokopo.com/guides/webhooks' },
  standard: { title: 'Standard Webhooks: the specification', url: 'https://www.standardwebhooks.com/' },
};

/** The vendor pages a spec reference (`SpecRef.doc`) rests on, in the order it names them. */
export function vendorPages(doc: string): VendorPage[] {
  const found: string[] = [];
  const add = (key: string) => void (found.includes(key) || found.push(key));
  for (const m of doc.matchAll(/seeds?\/?\s*(\d{3})|seed (\d{3})|README\.md#([\w-]+)|schemas\/kopokopo/g)) {
    const seed = m[1] ?? m[2];
    const anchor = m[3];
    if (seed) add({ '000': 'subscribe', '001': 'flows', '002': 'json', '003': 'polling', '004': 'kopokopo' }[seed] ?? '');
    else if (anchor) add(/^kopo/.test(anchor) ? 'kopokopo' : /^standard-webhooks/.test(anchor) ? 'standard' : /error-codes/.test(anchor) ? 'errors' : /events/.test(anchor) ? 'json' : 'technical');
    else add('kopokopo');
  }
  return found.filter((k) => PAGES[k]).map((k) => PAGES[k]);
}
