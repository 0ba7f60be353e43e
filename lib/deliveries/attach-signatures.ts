import type { DeliverySummary } from "@/lib/deliveries/delivery-summary";
import { judgeSignatures } from "@/lib/deliveries/judge-signatures";
import type { SignatureResult } from "@/lib/signatures/signature-result";

export type WithSignature<T> = T & { signature: SignatureResult };

/**
 * Adds each summary's cached verdict (never the expected signature: the owner's comparison is
 * computed on demand by getDeliveryDetail).
 */
export async function attachSignatures<T extends DeliverySummary>({
  binId,
  deliveries,
  known,
}: {
  binId: string;
  deliveries: T[];
  /** Verdicts the caller's read found current: no query when every row has one. */
  known?: Map<string, SignatureResult>;
}): Promise<Array<WithSignature<T>>> {
  const verdicts = await judgeSignatures({ binId, ids: deliveries.map((d) => d.id), known });
  return deliveries.map((delivery) => ({
    ...delivery,
    signature: verdicts.get(delivery.id) ?? {
      scheme: null,
      status: "no_secret" as const,
      reason: "Not judged",
    },
  }));
}
