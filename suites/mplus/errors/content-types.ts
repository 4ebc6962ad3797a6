/** The Content-Type headers MP-ERR-003 and MP-ERR-006 send with a correctly signed JSON body (`null`: none at all). */
export const WRONG_CONTENT_TYPES: ReadonlyArray<{ contentType: string | null; fault: string }> = [
  { contentType: null, fault: 'no Content-Type' },
  { contentType: 'text/plain', fault: 'Content-Type: text/plain' },
  { contentType: 'application/x-www-form-urlencoded', fault: 'Content-Type: application/x-www-form-urlencoded' },
];

/** The vendor's codes for them (spec README, "Error codes": "Headers and body: … NO_CONTENT_TYPE, INVALID_CONTENT_TYPE"). */
export const CONTENT_TYPE_CODES = ['NO_CONTENT_TYPE', 'INVALID_CONTENT_TYPE'] as const;
