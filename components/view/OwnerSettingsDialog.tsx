"use client";

import type { ComponentType } from "react";
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
import type { SettingsFormProps } from "@/components/view/settings-form-props";
import type { PublicBin } from "@/lib/bins/public-bin";
import type { BinLinks } from "@/components/view/bin-links";

interface OwnerSettingsDialogProps {
  open: boolean;
  onClose: () => void;
  binId: string;
  settings: BinSettingsState;
  limits: PublicBin["limits"] | null;
  /** For the `forward --respond` one-liner. */
  links: BinLinks;
  onSaved: (settings: BinSettingsState) => void;
  /** A new or removed secret: every verdict changes. */
  onSecretSaved: (settings: BinSettingsState) => void;
  onCleared: () => void;
  onBinDeleted: () => void;
}

// The settings forms in the order shown. `rejudges`: saving changes every delivery's verdict
// (a new secret, a new schema), so rows and details are read again.
const SETTINGS_FORMS: ReadonlyArray<{
  title: string;
  Form: ComponentType<SettingsFormProps>;
  rejudges?: true;
}> = [
  { title: "Webhook secret", Form: SecretSettings, rejudges: true },
  { title: "Response", Form: ResponseSettingsForm },
  { title: "JSON Schema", Form: JsonSchemaSettings, rejudges: true },
  { title: "List rows", Form: SummaryFieldSettings },
  { title: "Response rules", Form: ResponseRulesEditor },
  { title: "Chaos and gone", Form: ChaosSettingsForm },
];

/** The owner's settings as a side sheet: secret, simulated response, housekeeping. */
export function OwnerSettingsDialog({
  open,
  onClose,
  binId,
  settings,
  limits,
  links,
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
      {SETTINGS_FORMS.map(({ title, Form, rejudges }) => (
        <DetailSection key={title} title={title}>
          <Form binId={binId} settings={settings} onSaved={rejudges ? onSecretSaved : onSaved} />
        </DetailSection>
      ))}
      <DetailSection title="Local app answers">
        <RespondSettingsForm binId={binId} settings={settings} onSaved={onSaved} links={links} />
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
