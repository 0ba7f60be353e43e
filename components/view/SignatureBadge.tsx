import type { SignatureScheme, SignatureStatus } from "@/lib/signatures/signature-result";
import { SIGNATURE_SCHEMES } from "@/lib/signatures/signature-schemes";

interface SignatureBadgeProps {
  signature: { scheme: SignatureScheme | null; status: SignatureStatus } | undefined;
  testId?: string;
}

const STYLES: Record<SignatureStatus, string> = {
  valid:
    "bg-emerald-100 text-emerald-800 ring-emerald-600/20 dark:bg-emerald-500/15 dark:text-emerald-300 dark:ring-emerald-400/30",
  invalid:
    "bg-rose-100 text-rose-800 ring-rose-600/20 dark:bg-rose-500/15 dark:text-rose-300 dark:ring-rose-400/30",
  missing:
    "bg-amber-50 text-amber-800 ring-amber-600/20 dark:bg-amber-400/10 dark:text-amber-300 dark:ring-amber-400/30",
  no_secret:
    "bg-zinc-100 text-zinc-600 ring-zinc-500/15 dark:bg-zinc-800 dark:text-zinc-400 dark:ring-zinc-600/40",
};

const DESCRIPTIONS: Record<SignatureStatus, string> = {
  valid: "signature valid",
  invalid: "signature invalid",
  missing: "no signature",
  no_secret: "no secret set",
};

/**
 * The scheme name with the verdict: "CallCov ✓", "GitHub ✗", "CallCov · no secret", and
 * "unsigned" for a delivery without a signature, whether or not the bin has a secret yet.
 */
function signatureLabel(signature: {
  scheme: SignatureScheme | null;
  status: SignatureStatus;
}): string {
  const scheme = SIGNATURE_SCHEMES.find((info) => info.scheme === signature.scheme)?.label;
  switch (signature.status) {
    case "valid":
      return `${scheme ?? "Signature"} ✓`;
    case "invalid":
      return `${scheme ?? "Signature"} ✗`;
    case "missing":
      return "unsigned";
    case "no_secret":
      return scheme ? `${scheme} · no secret` : "unsigned";
  }
}

/** Signature verdict pill for list rows and the detail pane. */
export function SignatureBadge({ signature, testId = "signature-badge" }: SignatureBadgeProps) {
  if (!signature) return null;
  return (
    <span
      data-testid={testId}
      data-status={signature.status}
      title={
        signature.status === "no_secret" && signature.scheme === null
          ? "no signature (and no secret set)"
          : DESCRIPTIONS[signature.status]
      }
      className={`inline-flex items-center rounded px-1.5 py-px text-[11px] font-semibold whitespace-nowrap ring-1 ring-inset ${STYLES[signature.status]}`}
    >
      <span className="sr-only">Signature: </span>
      {signatureLabel(signature)}
    </span>
  );
}
