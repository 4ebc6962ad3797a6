import { jsonArray, literal, trailingComma, truncatedJson, type BodyForm } from '../../src/protocol/corpus/forms.js';

/** Correctly signed bodies that are not a JSON object. `lenient`: some parsers accept it, so acknowledging it only warns. */
export const MALFORMED: ReadonlyArray<{ form: BodyForm; lenient: boolean; json: boolean }> = [
  { form: truncatedJson('half'), lenient: false, json: false },
  { form: literal('an XML body', '<?xml version="1.0"?><webhook><topic>buygoods_transaction_received</topic></webhook>'), lenient: false, json: false },
  { form: literal('a form-encoded body', 'topic=buygoods_transaction_received&amount=100.0'), lenient: false, json: false },
  { form: literal('an empty body', ''), lenient: false, json: false },
  { form: trailingComma(), lenient: true, json: false },
  { form: jsonArray(), lenient: false, json: true },
  { form: literal('a JSON string', '"buygoods_transaction_received"'), lenient: false, json: true },
];
