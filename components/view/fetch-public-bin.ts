import { apiUrl } from "@/components/common/api-url";
import { fetchCheckedJson } from "@/components/view/fetch-checked-json";
import { publicBinSchema, type PublicBin } from "@/lib/bins/public-bin";

/** GET what anyone with the view link may know of the bin (counters, `forwardResponding`). */
export function fetchPublicBin({
  binId,
  signal,
}: {
  binId: string;
  signal?: AbortSignal;
}): Promise<PublicBin> {
  return fetchCheckedJson({ url: apiUrl.bin(binId), schema: publicBinSchema, signal });
}
