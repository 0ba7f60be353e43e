// The columns a summary needs; the body stays in the database.
export const summarySelect = {
  id: true,
  binId: true,
  method: true,
  path: true,
  query: true,
  contentType: true,
  bodySize: true,
  bodySha256: true,
  remoteAddress: true,
  receivedAt: true,
  analysisId: true,
  responseStatus: true,
  analysisStatus: true,
  analysisAgent: true,
} as const;
