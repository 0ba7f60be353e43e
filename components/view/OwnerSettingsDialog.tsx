"use client";

import { SideSheet } from "@/components/common/SideSheet";
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
  return (
    <SideSheet
      open={open}
      onClose={onClose}
      title="Bin settings"
      titleId="owner-settings-title"
      testId="owner-settings"
      closeTestId="owner-settings-close"
      width="w-[min(32rem,100vw)]"
      bodyClassName="flex flex-1 flex-col gap-7 overflow-y-auto px-5 py-5"
    >
      <DetailSection title="Webhook secret">
        <SecretSettings binId={binId} hasSecret={settings.hasSecret} onSaved={onSecretSaved} />
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
        <HousekeepingActions binId={binId} onCleared={onCleared} onBinDeleted={onBinDeleted} />
      </DetailSection>
    </SideSheet>
  );
}
