"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { FieldError } from "@/components/common/FieldError";
import { isValidBinId } from "@/lib/ids/bin-id";

export function OpenBinForm() {
  const router = useRouter();
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const errorId = useId();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const id = value.trim();
    if (!isValidBinId(id)) {
      setError(
        id === ""
          ? "Enter a bin id."
          : "Bin ids are 1–64 characters: letters, digits, “-” and “_”.",
      );
      return;
    }
    setError(null);
    router.push(`/view/${encodeURIComponent(id)}`);
  };

  return (
    <section
      aria-labelledby="open-heading"
      className="rounded-2xl border border-zinc-200 p-6 dark:border-zinc-800"
    >
      <h2 id="open-heading" className="text-lg font-semibold">
        Open a bin
      </h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Any id works: <code className="text-xs">/echo/my-test</code> starts capturing on first use.
      </p>
      <form onSubmit={onSubmit} noValidate className="mt-4 flex flex-wrap items-start gap-2">
        <label htmlFor={inputId} className="sr-only">
          Bin id
        </label>
        <input
          id={inputId}
          data-testid="open-bin-input"
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            if (error) setError(null);
          }}
          placeholder="my-test-bin"
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          aria-invalid={error !== null}
          aria-describedby={error ? errorId : undefined}
          className="min-w-0 flex-1 rounded-lg border border-zinc-300 bg-white px-3 py-2 font-mono text-sm focus-visible:border-sky-500 focus-visible:outline-2 focus-visible:outline-sky-500/40 aria-invalid:border-rose-500 dark:border-zinc-700 dark:bg-zinc-900"
        />
        <button
          type="submit"
          data-testid="open-bin-submit"
          className="rounded-lg border border-zinc-300 px-4 py-2 text-sm font-semibold hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          Open
        </button>
      </form>
      <FieldError id={errorId} testId="open-bin-error" error={error} className="mt-2" />
    </section>
  );
}
