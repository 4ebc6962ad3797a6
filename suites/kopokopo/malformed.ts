/** Correctly signed bodies that are not a JSON object. `lenient`: some parsers accept it, so acknowledging it only warns. */
export const MALFORMED: ReadonlyArray<{ fault: string; lenient: boolean; json: boolean; body: (compact: string) => string }> = [
  { fault: 'truncated JSON', lenient: false, json: false, body: (c) => c.slice(0, Math.ceil(c.length / 2)) },
  { fault: 'an XML body', lenient: false, json: false, body: () => '<?xml version="1.0"?><webhook><topic>buygoods_transaction_received</topic></webhook>' },
  { fault: 'a form-encoded body', lenient: false, json: false, body: () => 'topic=buygoods_transaction_received&amount=100.0' },
  { fault: 'an empty body', lenient: false, json: false, body: () => '' },
  { fault: 'a trailing comma in the JSON', lenient: true, json: false, body: (c) => c.replace(/}$/, ',}') },
  { fault: 'a JSON array', lenient: false, json: true, body: (c) => `[${c}]` },
  { fault: 'a JSON string', lenient: false, json: true, body: () => '"buygoods_transaction_received"' },
];
