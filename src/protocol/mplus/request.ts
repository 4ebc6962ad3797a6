/** The shape of one request body, apart from the modules that build it (requests.ts) and read its open forms (readings.ts). */

/** A request body of the MplusKASSA POS, as JSON. */
export type MplusRequest = Record<string, unknown> & {
  event: { eventBlocking: boolean; eventPolling?: boolean; eventCounter: number; eventTimestamp: string };
  sender: Record<string, unknown>;
  session?: { sessionId: string; lines?: Array<{ lineId: string } & Record<string, unknown>> } & Record<string, unknown>;
};
