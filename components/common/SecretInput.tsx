"use client";

import { useId } from "react";

interface SecretInputProps {
  /** The accessible name: each secret field on a page needs its own. */
  label: string;
  placeholder: string;
  testId: string;
  value: string;
  onChange: (value: string) => void;
  /** "new-password" keeps password managers from filling in a saved login. */
  autoComplete: "new-password" | "off";
  className?: string;
}

/** A masked secret field with a screen-reader label; it never shows what was typed. */
export function SecretInput({
  label,
  placeholder,
  testId,
  value,
  onChange,
  autoComplete,
  className = "",
}: SecretInputProps) {
  const id = useId();
  return (
    <>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input
        id={id}
        type="password"
        data-testid={testId}
        autoComplete={autoComplete}
        spellCheck={false}
        placeholder={placeholder}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className={`h-8 min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-2.5 font-mono text-sm placeholder:font-sans placeholder:text-zinc-500 focus-visible:outline-2 focus-visible:outline-sky-600 dark:border-zinc-700 dark:bg-zinc-900 dark:placeholder:text-zinc-400 ${className}`}
      />
    </>
  );
}
