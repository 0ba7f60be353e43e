"use client";

import { SecretInput } from "@/components/common/SecretInput";
import { buttonClass } from "@/components/common/button-class";
import { useState, type FormEvent } from "react";
import { SignatureBadge } from "@/components/view/SignatureBadge";
import { SignatureComparison } from "@/components/view/SignatureComparison";
import type { HeaderPairs, SignatureResult } from "@/lib/signatures/signature-result";
import { verifySignature } from "@/lib/signatures/verify-signature";

interface CheckSecretFormProps {
  headers: HeaderPairs;
  body: Uint8Array;
  /** Timestamped schemes are judged at arrival, not now. */
  receivedAt: string;
}

type CheckState =
  { status: "idle" } | { status: "checking" } | { status: "done"; result: SignatureResult };

/**
 * "Check with my secret": verifies the delivery in this browser with WebCrypto. The secret never
 * leaves the page (no request is made) and is forgotten once checked.
 */
export function CheckSecretForm({ headers, body, receivedAt }: CheckSecretFormProps) {
  const [secret, setSecret] = useState("");
  const [state, setState] = useState<CheckState>({ status: "idle" });

  const check = async (event: FormEvent) => {
    event.preventDefault();
    if (secret === "") return;
    setState({ status: "checking" });
    const at = Date.parse(receivedAt);
    const result = await verifySignature({
      headers,
      body,
      secret,
      now: () => (Number.isNaN(at) ? new Date() : new Date(at)),
    });
    setSecret("");
    setState({ status: "done", result });
  };

  return (
    <div className="flex flex-col gap-2">
      <form onSubmit={check} className="flex flex-wrap items-center gap-2">
        <SecretInput
          label="Secret to check this delivery’s signature (stays in this browser)"
          placeholder="Paste a secret to check this signature"
          testId="check-secret-input"
          value={secret}
          onChange={setSecret}
          autoComplete="off"
          className="sm:max-w-sm"
        />
        <button
          type="submit"
          data-testid="check-secret-submit"
          disabled={secret === "" || state.status === "checking"}
          className={buttonClass()}
        >
          {state.status === "checking" ? "Checking…" : "Check"}
        </button>
      </form>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        Checked in your browser with WebCrypto: the secret is never sent anywhere.
      </p>
      {state.status === "done" && (
        <div
          data-testid="check-secret-result"
          data-status={state.result.status}
          role="status"
          className="flex flex-col gap-1.5 rounded-lg border border-zinc-200 p-3 text-[13px] dark:border-zinc-800"
        >
          <div className="flex flex-wrap items-center gap-2">
            <span className="text-xs font-semibold text-zinc-500 dark:text-zinc-400">
              With your secret
            </span>
            <SignatureBadge signature={state.result} testId="check-secret-badge" />
          </div>
          <p className="wrap-anywhere">{state.result.reason}</p>
          {state.result.ownerDetail && <SignatureComparison detail={state.result.ownerDetail} />}
        </div>
      )}
    </div>
  );
}
