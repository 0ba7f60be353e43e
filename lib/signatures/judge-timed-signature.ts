import type { HmacCheck } from "@/lib/signatures/check-hmac-signature";
import { checkTimestampFreshness } from "@/lib/signatures/check-timestamp-freshness";
import type {
  OwnerDetail,
  SignatureResult,
  SignatureScheme,
} from "@/lib/signatures/signature-result";

/**
 * The verdict of a timestamped scheme (Stripe, Slack, Standard Webhooks): a match must also be
 * fresh; a mismatch says whether the timestamp was stale too, so a replay is named as one.
 */
export function judgeTimedSignature({
  scheme,
  label,
  header,
  check,
  ownerDetail,
  timestamp,
  now,
}: {
  scheme: SignatureScheme;
  /** The scheme as people write it, for the message ("Stripe"). */
  label: string;
  header: string;
  check: HmacCheck;
  ownerDetail: OwnerDetail;
  timestamp: number;
  now: () => Date;
}): SignatureResult {
  const freshness = checkTimestampFreshness({ timestamp, now });
  if (!check.matched) {
    const reason = freshness.fresh ? check.reason : `${check.reason}; also ${freshness.reason}`;
    return { scheme, status: "invalid", reason, ownerDetail };
  }
  if (!freshness.fresh) {
    return {
      scheme,
      status: "invalid",
      reason: `Signature in ${header} matches but is ${freshness.reason}`,
      ownerDetail,
    };
  }
  return {
    scheme,
    status: "valid",
    reason: `Valid ${label} signature in ${header} (${freshness.age})`,
    ownerDetail,
  };
}
