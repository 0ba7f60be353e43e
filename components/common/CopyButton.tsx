"use client";

import { useEffect, useRef, useState } from "react";
import { copyText } from "@/components/common/copy-text";

interface CopyButtonProps {
  /** The text, or a function computing it on click (for expensive values). */
  text: string | (() => string);
  label?: string;
  /** Accessible name when the visible label is not descriptive enough. */
  ariaLabel?: string;
  testId?: string;
  size?: "sm" | "md";
}

type CopyState = "idle" | "copied" | "failed";

export function CopyButton({
  text,
  label = "Copy",
  ariaLabel,
  testId,
  size = "sm",
}: CopyButtonProps) {
  const [state, setState] = useState<CopyState>("idle");
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const onClick = async () => {
    const value = typeof text === "function" ? text() : text;
    const copied = await copyText(value);
    setState(copied ? "copied" : "failed");
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setState("idle"), 1500);
  };

  const sizeClass = size === "sm" ? "px-2 py-1 text-xs" : "px-3 py-1.5 text-sm";
  const stateClass =
    state === "copied"
      ? "border-emerald-500 text-emerald-700 dark:text-emerald-300"
      : state === "failed"
        ? "border-rose-500 text-rose-700 dark:text-rose-300"
        : "border-zinc-300 text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800";
  return (
    <button
      type="button"
      onClick={onClick}
      aria-label={ariaLabel}
      data-testid={testId}
      className={`inline-flex shrink-0 items-center gap-1 rounded-md border font-medium whitespace-nowrap transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 ${sizeClass} ${stateClass}`}
    >
      {state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : label}
      <span className="sr-only" aria-live="polite">
        {state === "copied" ? "Copied to clipboard" : ""}
      </span>
    </button>
  );
}
