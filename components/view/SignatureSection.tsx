import { CheckSecretForm } from "@/components/view/CheckSecretForm";
import { SignatureBadge } from "@/components/view/SignatureBadge";
import { SignatureComparison } from "@/components/view/SignatureComparison";
import { explainSignatureVerdict } from "@/lib/signatures/explain-signature-verdict";
import type { HeaderPairs, SignatureResult } from "@/lib/signatures/signature-result";

interface SignatureSectionProps {
  signature: SignatureResult | undefined;
  headers: HeaderPairs;
  body: Uint8Array;
  receivedAt: string;
}

/** The server's verdict (with the owner's comparison) and a private in-browser check. */
export function SignatureSection({ signature, headers, body, receivedAt }: SignatureSectionProps) {
  return (
    <div data-testid="signature-section" className="flex flex-col gap-3">
      {signature ? (
        <div
          data-testid="signature-verdict"
          data-status={signature.status}
          className="flex flex-col gap-1.5 rounded-lg border border-zinc-200 p-3 text-[13px] dark:border-zinc-800"
        >
          <div className="flex flex-wrap items-center gap-2">
            <span className="text-xs font-semibold text-zinc-500 dark:text-zinc-400">
              With the bin’s secret
            </span>
            <SignatureBadge signature={signature} testId="signature-verdict-badge" />
          </div>
          <p data-testid="signature-explanation">{explainSignatureVerdict(signature)}</p>
          <p
            data-testid="signature-reason"
            className="text-zinc-600 wrap-anywhere dark:text-zinc-400"
          >
            {signature.reason}
          </p>
          {signature.ownerDetail && (
            <div data-testid="signature-owner-detail" className="mt-1">
              <SignatureComparison detail={signature.ownerDetail} />
            </div>
          )}
        </div>
      ) : (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          No signature verdict from the server.
        </p>
      )}
      <CheckSecretForm headers={headers} body={body} receivedAt={receivedAt} />
    </div>
  );
}
