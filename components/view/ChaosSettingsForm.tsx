"use client";

import { useState, type FormEvent } from "react";
import { FormMessage } from "@/components/common/FormMessage";
import {
  buildChaosSettingsRequest,
  type ChaosFormState,
} from "@/components/view/build-chaos-settings-request";
import { LabeledInput, type LabeledInputProps } from "@/components/view/LabeledInput";
import { SaveButton } from "@/components/view/SaveButton";
import type { SettingsFormProps } from "@/components/view/settings-form-props";
import { LabeledCheckbox } from "@/components/view/LabeledCheckbox";
import { useSaveSettings } from "@/components/view/use-save-settings";
import type { BinSettingsState } from "@/lib/bins/update-bin-settings.types";
import { describeSimulatedResponse } from "@/lib/payload/describe-simulated-response";

function initialState(settings: BinSettingsState): ChaosFormState {
  return {
    failureRate: settings.chaos ? String(settings.chaos.failureRate) : "",
    statuses: (settings.chaos?.statuses ?? [500, 503, 429]).join(", "),
    retryAfterSeconds: String(settings.chaos?.retryAfterSeconds ?? 5),
    gone: settings.gone,
  };
}

type TextField = Exclude<keyof ChaosFormState, "gone">;

const FIELDS: Record<TextField, Omit<LabeledInputProps, "value" | "onChange">> = {
  failureRate: {
    label: "Failure rate",
    hint: "0–1, e.g. 0.2",
    testId: "chaos-rate",
    placeholder: "0",
  },
  retryAfterSeconds: {
    label: "Retry-After (s)",
    hint: "on 429/503",
    testId: "chaos-retry-after",
    numeric: true,
  },
  statuses: { label: "Statuses", hint: "4xx/5xx, picked at random", testId: "chaos-statuses" },
};

/** Chaos testing (random failures) and the gone switch (410 to everything). */
export function ChaosSettingsForm({ binId, settings, onSaved }: SettingsFormProps) {
  const [form, setForm] = useState(() => initialState(settings));
  const { busy, message, save } = useSaveSettings({ binId, onSaved });
  const set = (patch: Partial<ChaosFormState>) => setForm((current) => ({ ...current, ...patch }));
  const field = (key: TextField) => (
    <LabeledInput {...FIELDS[key]} value={form[key]} onChange={(value) => set({ [key]: value })} />
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(buildChaosSettingsRequest(form), (saved) => {
      setForm(initialState(saved));
      return `Saved. ${describeSimulatedResponse(saved)}.`;
    });
  };

  return (
    <form data-testid="chaos-settings" onSubmit={submit} className="flex flex-col gap-3">
      <div className="grid grid-cols-2 gap-3">
        {field("failureRate")}
        {field("retryAfterSeconds")}
      </div>
      {field("statuses")}
      <LabeledCheckbox
        label="Gone: answer 410 to every delivery, like an unsubscribed endpoint"
        testId="chaos-gone"
        checked={form.gone}
        onChange={(gone) => set({ gone })}
      />
      <FormMessage message={message} testId={message?.error ? "chaos-error" : "chaos-saved"} />
      <SaveButton busy={busy} testId="chaos-save" label="Save chaos" className="self-start" />
    </form>
  );
}
