/** One row of a bin's list: everything but the headers and the body. */
export interface DeliverySummary {
  id: string;
  binId: string;
  method: string;
  path: string;
  query: string;
  contentType: string | null;
  size: number;
  sha256: string;
  remoteAddress: string | null;
  receivedAt: string;
  /** CallCov analysis id of the body, or null. */
  analysisId: string | null;
  /** The status our endpoint answered. */
  responseStatus: number | null;
}

export interface DeliveryDetail extends DeliverySummary {
  headers: Array<[string, string]>;
  bodyBase64: string;
  /** The body as text when it is valid UTF-8, else null. */
  bodyText: string | null;
  /** The answer our endpoint sent (simulated responses included), or null for old rows. */
  response: unknown;
}
