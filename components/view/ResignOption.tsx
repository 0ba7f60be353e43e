"use client";

interface ResignOptionProps {
  /** The scheme's name as people know it (Stripe, Slack, ...). */
  schemeLabel: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/**
 * Owner only: the server signs the bytes about to be sent with the bin's secret at the current
 * time; the browser gets the signature headers, never the secret.
 */
export function ResignOption({ schemeLabel, checked, onChange }: ResignOptionProps) {
  return (
    <div className="flex flex-col gap-0.5">
      <label className="inline-flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          data-testid="replay-resign"
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          aria-describedby="replay-resign-hint"
          className="size-4 accent-sky-600"
        />
        Re-sign with the bin&apos;s secret ({schemeLabel})
      </label>
      <p id="replay-resign-hint" className="pl-6 text-xs text-zinc-500 dark:text-zinc-400">
        The server signs the body you send with the current time and replaces the signature headers,
        so the receiver&apos;s real check accepts it. The secret stays on the server.
      </p>
    </div>
  );
}
