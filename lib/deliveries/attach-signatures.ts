import type { DeliverySummary } from "@/lib/deliveries/delivery-summary";
import { judgeSignatures } from "@/lib/deliveries/judge-signatures";
import type { SignatureResult } from "@/lib/signatures/signature-result";

export type WithSignature<T> = T & { signature: SignatureResult };

/** Adds `signature` to each summary; the expected signature only when revealOwnerDetail. */
export async function attachSignatures<T extends DeliverySummary>({
  binId,
  deliveries,
  revealOwnerDetail,
}: {
  binId: string;
  deliveries: T[];
  revealOwnerDetail: boolean;
}): Promise<Array<WithSignature<T>>> {
  const verdicts = await judgeSignatures({ binId, ids: deliveries.map((d) => d.id) });
  return deliveries.map((delivery) => {
    const verdict = verdicts.get(delivery.id) ?? {
      scheme: null,
      status: "no_secret" as const,
      reason: "Not judged",
    };
    const { ownerDetail, ...publicVerdict } = verdict;
    return {
      ...delivery,
      signature:
        revealOwnerDetail && ownerDetail ? { ...publicVerdict, ownerDetail } : publicVerdict,
    };
  });
}
