/** The shape of one request body, apart from the modules that build it (requests.ts) and read its open forms (readings.ts). */

import type { MplusRequest as GeneratedRequest } from '../../generated/mplus/request.js';

/** A request body of the MplusKASSA POS, as JSON: the generated type of `schemas/mplus/request.schema.json`. */
export type MplusRequest = GeneratedRequest;
