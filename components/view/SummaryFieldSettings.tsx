"use client";

import { useId, useState, type FormEvent } from "react";
import { FormMessage } from "@/components/common/FormMessage";
import { SaveButton } from "@/components/view/SaveButton";
import type { SettingsFormProps } from "@/components/view/settings-form-props";
import { useSaveSettings } from "@/components/view/use-save-settings";

/** Which JSON field list rows show for deliveries that are not CallCov analyses. */
export function SummaryFieldSettings({ binId, settings, onSaved }: SettingsFormProps) {
  const [path, setPath] = useState(settings.summaryField ?? "");
  const inputId = useId();
  const { busy, message, save } = useSaveSettings({ binId, onSaved });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = path.trim();
    void save({ summaryField: value === "" ? null : value }, (saved) =>
      saved.summaryField ? `Rows show ${saved.summaryField}.` : "Rows show no summary field.",
    );
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-2">
      <label htmlFor={inputId} className="text-sm text-zinc-700 dark:text-zinc-300">
        Summary field: a dot path into JSON bodies (e.g. <code>event.type</code>) shown on each row;
        analyses show their status, id and agent.
      </label>
      <div className="flex gap-2">
        <input
          id={inputId}
          data-testid="summary-field-input"
          spellCheck={false}
          placeholder="event.type"
          value={path}
          onChange={(event) => setPath(event.target.value)}
          className="h-8 min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-2.5 font-mono text-sm placeholder:text-zinc-500 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-zinc-700 dark:bg-zinc-900"
        />
        <SaveButton busy={busy} testId="summary-field-save" label="Save" />
      </div>
      <FormMessage message={message} testId="summary-field-message" />
    </form>
  );
}
