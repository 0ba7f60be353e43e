"use client";

import { buttonClass } from "@/components/common/button-class";
import { apiUrl } from "@/components/common/api-url";
import { useState } from "react";
import { ConfirmDialog } from "@/components/common/ConfirmDialog";
import { readErrorMessage } from "@/components/common/read-error-message";

interface HousekeepingActionsProps {
  binId: string;
  onCleared: () => void;
  onBinDeleted: () => void;
}

type Action = "clear" | "delete-bin";

/** Owner-only: clear every delivery, or delete the whole bin, each after a confirm step. */
export function HousekeepingActions({ binId, onCleared, onBinDeleted }: HousekeepingActionsProps) {
  const [confirming, setConfirming] = useState<Action | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    if (!confirming) return;
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(
        confirming === "clear" ? apiUrl.deliveries(binId) : apiUrl.bin(binId),
        {
          method: "DELETE",
          credentials: "same-origin",
        },
      );
      if (!response.ok) {
        const body: unknown = await response.json().catch(() => null);
        throw new Error(readErrorMessage(body) ?? `The server answered ${response.status}.`);
      }
      const done = confirming;
      setConfirming(null);
      if (done === "clear") onCleared();
      else onBinDeleted();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  const open = (action: Action) => {
    setError(null);
    setConfirming(action);
  };

  return (
    <div className="flex flex-wrap gap-2">
      <button
        type="button"
        data-testid="clear-all"
        onClick={() => open("clear")}
        className={buttonClass({ variant: "danger-outline" })}
      >
        Clear all deliveries
      </button>
      <button
        type="button"
        data-testid="delete-bin"
        onClick={() => open("delete-bin")}
        className={buttonClass({ variant: "danger-outline" })}
      >
        Delete bin
      </button>
      <ConfirmDialog
        open={confirming !== null}
        title={confirming === "clear" ? "Clear every delivery?" : "Delete this bin?"}
        confirmLabel={confirming === "clear" ? "Clear all" : "Delete bin"}
        busy={busy}
        error={error}
        onConfirm={run}
        onCancel={() => setConfirming(null)}
      >
        {confirming === "clear"
          ? "Every captured delivery of this bin is removed for everyone. The bin, its URL and its settings stay."
          : "The bin, its settings and every delivery are removed. Its URL will capture into a new, unowned bin if anything is sent to it again."}
      </ConfirmDialog>
    </div>
  );
}
