/** A captured request, ready to insert. Mirrors the Delivery model. */
export interface DeliveryRecord {
  id: string;
  binId: string;
  method: string;
  path: string;
  query: string;
  headers: Array<[string, string]>;
  body: Uint8Array;
  bodySize: number;
  bodySha256: string;
  contentType: string | null;
  remoteAddress: string | null;
  receivedAt: Date;
  analysisId: string | null;
  /** Read at capture so list rows need no body: see extractAnalysisFacts. */
  analysisStatus: string | null;
  analysisAgent: string | null;
  responseStatus: number;
  /** The answer that was planned and sent (status, headers, body, delay, why). */
  response: unknown;
  /** The signature verdict under the bin's secret version at capture time (a cache). */
  signature: unknown;
  signatureVersion: string | null;
  /**
   * The conformance verdict made at capture (callcov-analysis@1, for bins without a schema of
   * their own) and the schema it was made under; both null when it is left to the first read.
   */
  conformanceSchema: string | null;
  conformanceValid: boolean | null;
}
