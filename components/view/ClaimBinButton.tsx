"use client";

import { apiUrl } from "@/components/common/api-url";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { readErrorMessage } from "@/components/common/read-error-message";

/** "Claim this bin" for a bin nobody owns yet: this browser becomes its owner. */
export function ClaimBinButton({ binId }: { binId: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [refreshing, startRefresh] = useTransition();
  const [error, setError] = useState<string | null>(null);

  const claim = async () => {
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(apiUrl.claim(binId), {
        method: "POST",
        credentials: "same-origin",
      });
      if (response.status === 409) {
        setError("Someone else claimed this bin first.");
      } else if (response.status === 404) {
        // Claim never creates a bin: it was deleted since this page loaded.
        setError("This bin no longer exists.");
      } else if (!response.ok) {
        // 429 (claims share the create limit per address) says when to retry.
        const result: unknown = await response.json().catch(() => null);
        throw new Error(readErrorMessage(result) ?? `The server answered ${response.status}.`);
      }
      // The owner cookie is set: render the page again with the owner's controls.
      startRefresh(() => router.refresh());
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="inline-flex items-center gap-2">
      {error && (
        <span role="alert" className="text-xs text-rose-600 dark:text-rose-400">
          {error}
        </span>
      )}
      <button
        type="button"
        data-testid="claim-bin"
        onClick={claim}
        disabled={busy || refreshing}
        title="Become this bin's owner: set a webhook secret, simulate responses, delete deliveries"
        className="rounded-md border border-sky-300 px-2.5 py-1 text-xs font-semibold text-sky-700 hover:bg-sky-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 disabled:opacity-60 dark:border-sky-500/40 dark:text-sky-300 dark:hover:bg-sky-500/10"
      >
        {busy || refreshing ? "Claiming…" : "Claim this bin"}
      </button>
    </span>
  );
}
