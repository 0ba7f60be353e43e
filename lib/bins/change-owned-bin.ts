import { requireBinOwner } from "@/lib/bins/require-bin-owner";
import { publishBinChanged } from "@/lib/live/publish-bin-changed";

/** Who asks to change which bin: every owner-only operation starts from these. */
export interface OwnedBinRequest {
  binId: string;
  token: string | null;
}

export interface ChangeOwnedBinOptions<T> extends OwnedBinRequest {
  /** The change itself, given the bin row; runs only once the owner is proven. */
  change: (bin: Awaited<ReturnType<typeof requireBinOwner>>) => Promise<T>;
}

/**
 * The frame of every owner-only change to a bin: prove the caller owns it (401/403/404), make
 * the change, then tell every open view to re-read the bin. A refused or failed change
 * publishes nothing.
 */
export async function changeOwnedBin<T>({
  binId,
  token,
  change,
}: ChangeOwnedBinOptions<T>): Promise<T> {
  const result = await change(await requireBinOwner({ binId, token }));
  await publishBinChanged({ binId });
  return result;
}
