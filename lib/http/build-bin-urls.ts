export function buildBinUrls({ origin, binId }: { origin: string; binId: string }) {
  return { echoUrl: `${origin}/echo/${binId}`, viewUrl: `${origin}/view/${binId}` };
}
