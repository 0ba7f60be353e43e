"use client";

import { SecretInput } from "@/components/common/SecretInput";
import { FormMessage } from "@/components/common/FormMessage";
import { RemoveButton } from "@/components/view/RemoveButton";
import { buttonClass } from "@/components/common/button-class";
import { useState, type FormEvent } from "react";
import type { SettingsFormProps } from "@/components/view/settings-form-props";
import { useSaveSettings } from "@/components/view/use-save-settings";

/**
 * Set, replace or remove the bin's webhook secret. The secret is write-only: the input is never
 * pre-filled and is cleared once saved; the server only ever says whether one is set.
 */
export function SecretSettings({ binId, settings, onSaved }: SettingsFormProps) {
  const { hasSecret } = settings;
  const [secret, setSecret] = useState("");
  const { busy, message, save: saveSettings } = useSaveSettings({ binId, onSaved });

  const save = (value: string | null) =>
    saveSettings({ webhookSecret: value }, () => {
      setSecret("");
      return value === null ? "Secret removed." : "Secret saved; deliveries are checked again.";
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (secret !== "") void save(secret);
  };

  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm">
        <span
          data-testid="secret-status"
          data-has-secret={hasSecret ? "true" : "false"}
          className={`mr-2 inline-flex rounded px-1.5 py-px text-xs font-semibold ${
            hasSecret
              ? "bg-emerald-100 text-emerald-800 dark:bg-emerald-500/15 dark:text-emerald-300"
              : "bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300"
          }`}
        >
          {hasSecret ? "Secret set" : "No secret"}
        </span>
        <span className="text-zinc-600 dark:text-zinc-400">
          Signatures (CallCov, GitHub, Stripe, Standard Webhooks, Shopify, Slack) are checked with
          it. It is stored encrypted and never shown again.
        </span>
      </p>
      <form onSubmit={submit} className="flex flex-wrap gap-2">
        {/* Named apart from the in-browser check's input: two "webhook secret" fields read alike. */}
        <SecretInput
          label={hasSecret ? "Replacement secret for this bin" : "New secret for this bin"}
          placeholder={hasSecret ? "New secret to replace it" : "Secret for this bin"}
          testId="secret-input"
          value={secret}
          onChange={setSecret}
          autoComplete="new-password"
        />
        <button
          type="submit"
          data-testid="secret-save"
          disabled={busy || secret === ""}
          className={buttonClass({ variant: "primary" })}
        >
          {hasSecret ? "Replace" : "Set secret"}
        </button>
        {hasSecret && (
          <RemoveButton busy={busy} testId="secret-remove" onRemove={() => void save(null)} />
        )}
      </form>
      <FormMessage message={message} testId="secret-message" />
    </div>
  );
}
