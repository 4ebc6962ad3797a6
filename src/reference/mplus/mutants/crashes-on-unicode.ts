import { mplusMutant } from '../mutant.js';

/** What a legacy 3-byte text column (MySQL utf8mb3) or a naive normaliser chokes on. */
const UNSTORABLE = /[\u{10000}-\u{10FFFF}]|\p{M}/u;

export default mplusMutant({
  name: 'crashes-on-unicode',
  description: 'stores request texts in a legacy encoding and answers 500 when a string has a code point above U+FFFF or a combining mark',
  checks: ['MP-ROB-002'],
  break: (ref) => ({
    ...ref,
    async reply(event, body, state) {
      if (UNSTORABLE.test(JSON.stringify(body)))
        return { status: 500, text: "Incorrect string value: '\\xF0\\x9F\\x98\\x80' for column 'text'", headers: { 'content-type': 'text/plain' } };
      return ref.reply(event, body, state);
    },
  }),
});
