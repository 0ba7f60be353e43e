"use client";

import { useModalDialog } from "@/components/common/use-modal-dialog";
import type { BinSettingsState } from "@/lib/bins/update-bin-settings.types";
import { DetailSection } from "@/components/view/DetailSection";
import { HousekeepingActions } from "@/components/view/HousekeepingActions";
import { JsonSchemaSettings } from "@/components/view/JsonSchemaSettings";
import { ResponseSettingsForm } from "@/components/view/ResponseSettingsForm";
import { ResponseRulesEditor } from "@/components/view/ResponseRulesEditor";
import { ChaosSettingsForm } from "@/components/view/ChaosSettingsForm";
import { RespondSettingsForm } from "@/components/view/RespondSettingsForm";
import { SecretSettings } from "@/components/view/SecretSettings";
import { SummaryFieldSettings } from "@/components/view/SummaryFieldSettings";
import type { PublicBin } from "@/lib/bins/public-bin";

interface OwnerSettingsDialogProps {
  open: boolean;
  onClose: () => void;
  binId: string;
  settings: BinSettingsState;
  limits: PublicBin["limits"] | null;
  /** For the `forward --respond` one-liner. */
  viewUrl: string;
  cliTarballPath: string;
  onSaved: (settings: BinSettingsState) => void;
  /** A new or removed secret: every verdict changes. */
  onSecretSaved: (settings: BinSettingsState) => void;
  onCleared: () => void;
  onBinDeleted: () => void;
}

/** The owner's settings as a side sheet: secret, simulated response, housekeeping. */
export function OwnerSettingsDialog({
  open,
  onClose,
  binId,
  settings,
  limits,
  viewUrl,
  cliTarballPath,
  onSaved,
  onSecretSaved,
  onCleared,
  onBinDeleted,
}: OwnerSettingsDialogProps) {
  const dialog = useModalDialog(open);

  return (
    <dialog
      ref={dialog}
      aria-labelledby="owner-settings-title"
      onClose={(event) => {
        // React passes a nested confirm dialog's close event up the tree: only ours counts.
        if (event.target === event.currentTarget) onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop (the dialog box itself, outside the panel) closes the sheet.
        if (event.target === event.currentTarget) onClose();
      }}
      className="m-0 ml-auto h-dvh max-h-none w-[min(32rem,100vw)] max-w-none border-l border-zinc-200 bg-white p-0 text-zinc-900 shadow-2xl backdrop:bg-zinc-950/30 dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-100"
    >
      {open && (
        <div data-testid="owner-settings" className="flex h-full flex-col">
          <div className="flex items-center justify-between gap-2 border-b border-zinc-200 px-5 py-3 dark:border-zinc-800">
            <h2 id="owner-settings-title" className="text-base font-semibold">
              Bin settings
            </h2>
            <button
              type="button"
              data-testid="owner-settings-close"
              onClick={onClose}
              className="rounded-md px-2 py-1 text-sm font-medium text-zinc-600 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-zinc-300 dark:hover:bg-zinc-800"
            >
              Close
            </button>
          </div>
          <div className="flex flex-1 flex-col gap-7 overflow-y-auto px-5 py-5">
            <DetailSection title="Webhook secret">
              <SecretSettings
                binId={binId}
                hasSecret={settings.hasSecret}
                onSaved={onSecretSaved}
              />
            </DetailSection>
            <DetailSection title="Response">
              <ResponseSettingsForm binId={binId} settings={settings} onSaved={onSaved} />
            </DetailSection>
            <DetailSection title="JSON Schema">
              <JsonSchemaSettings binId={binId} settings={settings} onSaved={onSecretSaved} />
            </DetailSection>
            <DetailSection title="List rows">
              <SummaryFieldSettings
                binId={binId}
                summaryField={settings.summaryField ?? null}
                onSaved={onSaved}
              />
            </DetailSection>
            <DetailSection title="Response rules">
              <ResponseRulesEditor binId={binId} settings={settings} onSaved={onSaved} />
            </DetailSection>
            <DetailSection title="Chaos and gone">
              <ChaosSettingsForm binId={binId} settings={settings} onSaved={onSaved} />
            </DetailSection>
            <DetailSection title="Local app answers">
              <RespondSettingsForm
                binId={binId}
                settings={settings}
                onSaved={onSaved}
                viewUrl={viewUrl}
                cliTarballPath={cliTarballPath}
              />
            </DetailSection>
            <DetailSection title="Housekeeping">
              {limits && (
                <p className="text-sm text-zinc-600 dark:text-zinc-400">
                  Deliveries are kept for {limits.retentionDays.toLocaleString()} day
                  {limits.retentionDays === 1 ? "" : "s"}; the newest{" "}
                  {limits.maxDeliveriesPerBin.toLocaleString()} are kept per bin.
                </p>
              )}
              <HousekeepingActions
                binId={binId}
                onCleared={onCleared}
                onBinDeleted={onBinDeleted}
              />
            </DetailSection>
          </div>
        </div>
      )}
    </dialog>
  );
}
