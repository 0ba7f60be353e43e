import { apiUrl } from "@/components/common/api-url";
import { readErrorMessage } from "@/components/view/read-error-message";
import { publicBinSchema, type PublicBin } from "@/lib/bins/public-bin";

/** GET what anyone with the view link may know of the bin (counters, `forwardResponding`). */
export async function fetchPublicBin({
  binId,
  signal,
}: {
  binId: string;
  signal?: AbortSignal;
}): Promise<PublicBin> {
  const response = await fetch(apiUrl.bin(binId), {
    credentials: "same-origin",
    cache: "no-store",
    signal,
  });
  if (!response.ok) throw new Error(await readErrorMessage(response));
  const parsed = publicBinSchema.safeParse(await response.json());
  if (!parsed.success) throw new Error("The server sent an unexpected answer.");
  return parsed.data;
}
