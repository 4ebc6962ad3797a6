import type { CorpusHints } from '../corpus/types.js';
import { withName } from './payloads.js';

/**
 * What the raw-body corpus may do with a Kopo Kopo payload: amounts are decimal strings, so numbers go into extra
 * members (receivers must tolerate unknown fields: Kopo Kopo adds them, KK-ROB-004), and the free text is a
 * person's or account's name.
 */
export const KOPOKOPO_CORPUS: CorpusHints = { decimalKeys: new Set(), withText: (v, text) => withName(v, text), extraMembers: true };
