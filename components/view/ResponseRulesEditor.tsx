"use client";

import { useState, type FormEvent } from "react";
import { FormMessage } from "@/components/common/FormMessage";
import { buttonClass } from "@/components/common/button-class";
import { checkRulesJson } from "@/components/view/check-rules-json";
import { LabeledInput } from "@/components/view/LabeledInput";
import { SaveButton } from "@/components/view/SaveButton";
import type { SettingsFormProps } from "@/components/view/settings-form-props";
import { useSaveSettings } from "@/components/view/use-save-settings";
import type { BinSettingsState } from "@/lib/bins/update-bin-settings.types";

const EXAMPLE = {
  when: {
    method: "POST",
    path: "/webhooks/*",
    header: { name: "Content-Type", contains: "json" },
    json: { path: "$.type", equals: "invoice.paid" },
  },
  response: { status: 202, body: '{"ok":true}', contentType: "application/json", delayMs: 0 },
};

function toText(rules: BinSettingsState["rules"]): string {
  return rules.length === 0 ? "" : JSON.stringify(rules, null, 2);
}

/**
 * The owner's response rules as a JSON editor, checked with the server's schema before saving.
 * Which answer wins is decided by lib/capture/plan-response.ts; the hint repeats its order.
 */
export function ResponseRulesEditor({ binId, settings, onSaved }: SettingsFormProps) {
  const [text, setText] = useState(() => toText(settings.rules));
  const [invalid, setInvalid] = useState<string | null>(null);
  const { busy, message, save } = useSaveSettings({ binId, onSaved });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkRulesJson({ text });
    if (!checked.ok) return setInvalid(checked.message);
    setInvalid(null);
    void save({ rules: checked.rules }, (saved) => {
      setText(toText(saved.rules));
      const count = saved.rules.length;
      return count === 0 ? "Saved: no rules." : `Saved ${count} rule${count === 1 ? "" : "s"}.`;
    });
  };

  const addExample = () => {
    const checked = checkRulesJson({ text });
    const rules = checked.ok ? checked.rules : [];
    setText(JSON.stringify([...rules, EXAMPLE], null, 2));
  };

  return (
    <form data-testid="rules-settings" onSubmit={submit} className="flex flex-col gap-3">
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        First match wins; every given <code>when</code> field must match (<code>path</code> is a
        glob: <code>*</code> within a segment, <code>**</code> across). Order: gone › fail-first ›
        chaos › rules › <code>/status/&lt;code&gt;</code> path › the response above.
      </p>
      <LabeledInput
        label="Rules (JSON array)"
        hint="up to 50"
        testId="rules-json"
        rows={8}
        value={text}
        placeholder={JSON.stringify([EXAMPLE])}
        onChange={setText}
      />
      <FormMessage
        message={invalid ? { error: true, text: invalid } : message}
        testId={invalid || message?.error ? "rules-error" : "rules-saved"}
      />
      <div className="flex gap-2">
        <SaveButton busy={busy} testId="rules-save" label="Save rules" />
        <button
          type="button"
          data-testid="rules-add-example"
          onClick={addExample}
          className={buttonClass()}
        >
          + Example rule
        </button>
      </div>
    </form>
  );
}
