"use client";

import { useId, useState, type FormEvent } from "react";
import { CommandBlock } from "@/components/common/CommandBlock";
import { buildCliCommand, LOCAL_WEBHOOK_URL } from "@/components/common/build-cli-command";
import { SaveButton } from "@/components/view/SaveButton";
import type { SettingsFormProps } from "@/components/view/settings-form-props";
import type { BinLinks } from "@/components/view/bin-links";
import { useSaveSettings } from "@/components/view/use-save-settings";
import { RESPOND_TIMEOUT_MS, respondTimeoutMsSchema } from "@/lib/bins/bin-settings-schema";

interface RespondSettingsFormProps extends SettingsFormProps {
  links: BinLinks;
}

// The browser never holds the owner token: the command shows where it goes.
const TOKEN_PLACEHOLDER = "<owner-token>";

/**
 * "Local app answers": how long captures wait for `forward --respond`, and the command that
 * makes the local app answer senders.
 */
export function RespondSettingsForm({
  binId,
  settings,
  onSaved,
  links: { viewUrl, cliTarballPath },
}: RespondSettingsFormProps) {
  const [text, setText] = useState(String(settings.respondTimeoutMs ?? RESPOND_TIMEOUT_MS.default));
  const [invalid, setInvalid] = useState<string | null>(null);
  const { busy, message, save } = useSaveSettings({ binId, onSaved });
  const hintId = useId();

  // A view URL is <origin>/view/<id>: the CLI comes from the same origin.
  const origin = viewUrl.slice(0, viewUrl.lastIndexOf("/view/"));
  const command = `${buildCliCommand({
    origin,
    tarballPath: cliTarballPath,
    args: ["forward", viewUrl, "--to", LOCAL_WEBHOOK_URL, "--respond", "--token"],
  })} ${TOKEN_PLACEHOLDER}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = respondTimeoutMsSchema.safeParse(text.trim() === "" ? NaN : Number(text));
    if (!parsed.success) {
      setInvalid(
        `A whole number of milliseconds from ${RESPOND_TIMEOUT_MS.min} to ${RESPOND_TIMEOUT_MS.max}.`,
      );
      return;
    }
    setInvalid(null);
    void save(
      { respondTimeoutMs: parsed.data },
      (saved) =>
        `Captures wait up to ${saved.respondTimeoutMs ?? RESPOND_TIMEOUT_MS.default} ms for the local app.`,
    );
  };

  const shown = invalid ?? message?.text ?? null;
  const error = invalid !== null || Boolean(message?.error);

  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        While <code>forward --respond</code> runs, each capture is re-sent to your local app and the
        sender gets the app&apos;s status, headers and body; with no answer in time (or no
        forwarder) it gets the answer set above.
      </p>
      <CommandBlock
        label="Run on your machine"
        command={command}
        copyLabel="Copy the forward --respond command"
        copyTestId="copy-respond-command"
        commandTestId="respond-command"
      >
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          Replace <code>{TOKEN_PLACEHOLDER}</code> with this bin&apos;s owner token: it was printed
          once when the bin was created (<code>webhook-echo create</code> prints it too); the
          browser never holds it.
        </p>
      </CommandBlock>
      <form onSubmit={submit} noValidate className="flex flex-col gap-2">
        <label htmlFor={`${hintId}-input`} className="text-sm text-zinc-700 dark:text-zinc-300">
          Wait for the local app (ms, {RESPOND_TIMEOUT_MS.min}–{RESPOND_TIMEOUT_MS.max}; default{" "}
          {RESPOND_TIMEOUT_MS.default})
        </label>
        <div className="flex gap-2">
          <input
            id={`${hintId}-input`}
            data-testid="respond-timeout-input"
            type="number"
            inputMode="numeric"
            min={RESPOND_TIMEOUT_MS.min}
            max={RESPOND_TIMEOUT_MS.max}
            step={100}
            value={text}
            aria-invalid={invalid !== null}
            aria-describedby={shown ? `${hintId}-message` : undefined}
            onChange={(event) => {
              setText(event.target.value);
              setInvalid(null);
            }}
            className="h-8 w-32 rounded-md border border-zinc-300 bg-white px-2.5 font-mono text-sm focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-zinc-700 dark:bg-zinc-900"
          />
          <SaveButton busy={busy} testId="respond-timeout-save" label="Save" />
        </div>
        {shown && (
          <p
            id={`${hintId}-message`}
            data-testid="respond-timeout-message"
            role={error ? "alert" : "status"}
            className={`text-xs ${error ? "text-rose-700 dark:text-rose-400" : "text-emerald-700 dark:text-emerald-400"}`}
          >
            {shown}
          </p>
        )}
      </form>
    </div>
  );
}
