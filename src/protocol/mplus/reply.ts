import type { MplusReply } from '../../generated/mplus/reply.js';
import type { Subscription } from '../../runner/subscription.js';
import { readJsonBody } from '../../http/body.js';
import type { LiveExchange } from '../../http/exchange.js';
import type { SchemaIssue, SchemaRegistry } from '../../schema/registry.js';
import { unknownProperties } from '../../schema/unknown-properties.js';
import { verifyMplus } from '../signature.js';
import { HEADER } from './headers.js';

/** The whole-reply schema (seed 002, "Response objects"). */
export const REPLY_SCHEMA = 'mplus/reply.schema.json';

/** A reply as the POS reads it: parsed once, its signature checked once, validated once. */
export interface JudgedReply {
  /** No HTTP reply at all (see the exchange's `error`). */
  missing: boolean;
  status?: number;
  /** The body is empty (allowed: "you can choose to reply with an empty body"). */
  empty: boolean;
  contentType?: string;
  /** The parsed body, when it is JSON. */
  json?: unknown;
  /** Why the body is not JSON (not UTF-8, a BOM, compressed, nested too deep, NaN, a syntax error). */
  jsonError?: string;
  /** What is JSON but doubtful (duplicate names): lenient acceptances a check may pass on as `t.warn`. */
  warnings: string[];
  /** `X-Mplus-Signature` of the reply over its exact bytes. */
  signature: 'valid' | 'invalid' | 'missing' | 'not-needed';
  /** For an invalid signature: it does verify with the secret read in the other encoding. */
  signatureOtherEncoding?: boolean;
  /** Problems against `mplus/reply.schema.json` (JSON object bodies only). */
  schemaIssues: SchemaIssue[];
  /**
   * Properties inside the reply objects that their schemas do not define (`scanCode.message`), which the POS
   * drops: for a reply valid against the schema (else `undefined`). Unknown top-level objects are not listed.
   */
  unknownProperties?: string[];
  /** The `error.code` of the reply, if any. */
  errorCode?: string;
}

/** Reads a reply the way the POS does. Never throws. */
export function judgeReply(ex: LiveExchange, sub: Subscription, schemas: SchemaRegistry): JudgedReply {
  const res = ex.response;
  if (!res || ex.error) {
    return { missing: true, status: res?.status, empty: true, signature: 'not-needed', schemaIssues: [], warnings: [] };
  }
  const raw = ex.rawBody ?? Buffer.from(res.body, 'utf8');
  const empty = isBlank(raw);
  const judged: JudgedReply = {
    missing: false,
    status: res.status,
    empty,
    contentType: res.headers['content-type'],
    signature: 'not-needed',
    schemaIssues: [],
    warnings: [],
  };
  if (empty) return judged;

  const sig = res.headers[HEADER.signature];
  if (!sig) judged.signature = 'missing';
  else if (verifyMplus(raw, sig, sub.secret.reveal(), sub.secretEncoding)) judged.signature = 'valid';
  else {
    judged.signature = 'invalid';
    judged.signatureOtherEncoding = otherEncodingVerifies(raw, sig, sub);
  }

  const body = readJsonBody(raw, res.headers);
  judged.warnings = body.warnings;
  if (body.error !== undefined) {
    judged.jsonError = body.error;
    return judged;
  }
  judged.json = body.json;
  if (judged.json === null || typeof judged.json !== 'object' || Array.isArray(judged.json)) {
    judged.schemaIssues = [{ instancePath: '', schemaPath: '#/type', message: '(root) must be a JSON object' }];
    return judged;
  }
  try {
    judged.schemaIssues = schemas.validate(REPLY_SCHEMA, judged.json);
    if (judged.schemaIssues.length === 0) judged.unknownProperties = unknownProperties(schemas, REPLY_SCHEMA, judged.json).filter((path) => /[.[]/.test(path));
  } catch (err) {
    // Never throws: a reply that breaks the validator is judged as not matching the schema.
    judged.schemaIssues = [{ instancePath: '', schemaPath: '#', message: `the reply could not be validated (${err instanceof Error ? err.message : String(err)})` }];
  }
  // Typed by the reply schema, read as untrusted: the reply may break it (then schemaIssues say how).
  const code = (judged.json as MplusReply).error?.code;
  if (typeof code === 'string') judged.errorCode = code;
  return judged;
}

function otherEncodingVerifies(raw: Buffer, sig: string, sub: Subscription): boolean {
  const other = sub.secretEncoding === 'base64' ? 'utf8' : 'base64';
  try {
    return verifyMplus(raw, sig, sub.secret.reveal(), other);
  } catch {
    return false;
  }
}

/** True when `contentType` names JSON (`application/json`, `application/*+json`, any parameters). */
export function isJsonContentType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const media = contentType.split(';')[0].trim().toLowerCase();
  return media === 'application/json' || (media.startsWith('application/') && media.endsWith('+json'));
}

/** True when `raw` holds nothing but JSON whitespace (an "empty body"). */
function isBlank(raw: Buffer): boolean {
  for (const b of raw) if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false;
  return true;
}
