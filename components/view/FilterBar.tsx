"use client";

import { useEffect, useRef, useState } from "react";
import { EMPTY_FILTER } from "@/components/view/empty-filter";
import type { ListFilter } from "@/lib/payload/list-filter";

interface FilterBarProps {
  filter: ListFilter;
  onChange: (filter: ListFilter) => void;
  busy: boolean;
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
const SIGNATURES: Array<{ value: ListFilter["signature"]; label: string }> = [
  { value: "", label: "Signature" },
  { value: "valid", label: "Valid" },
  { value: "invalid", label: "Invalid" },
  { value: "missing", label: "Unsigned" },
  { value: "no_secret", label: "No secret" },
];
// Typing pauses this long before the list reloads.
const DEBOUNCE_MS = 300;

const INPUT =
  "h-7 min-w-0 rounded-md border border-zinc-300 bg-white px-2 text-xs placeholder:text-zinc-400 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-zinc-700 dark:bg-zinc-900";

/** Search/filter bar above the list: selects apply at once, text after a short pause. */
export function FilterBar({ filter, onChange, busy }: FilterBarProps) {
  const [draft, setDraft] = useState(filter);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const update = (patch: Partial<ListFilter>, immediate: boolean) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    if (timer.current) clearTimeout(timer.current);
    if (immediate) onChange(next);
    else timer.current = setTimeout(() => onChange(next), DEBOUNCE_MS);
  };

  const active = Object.values(draft).some((value) => value !== "");

  return (
    <form
      role="search"
      aria-label="Filter deliveries"
      data-testid="filter-bar"
      aria-busy={busy}
      onSubmit={(event) => {
        event.preventDefault();
        update({}, true);
      }}
      className="flex flex-col gap-1.5 border-b border-zinc-200 px-3 py-2 dark:border-zinc-800"
    >
      <div className="flex gap-1.5">
        <select
          data-testid="filter-method"
          aria-label="Method"
          value={draft.method}
          onChange={(event) => update({ method: event.target.value }, true)}
          className={`${INPUT} w-[5.75rem] shrink-0`}
        >
          <option value="">Method</option>
          {METHODS.map((method) => (
            <option key={method} value={method}>
              {method}
            </option>
          ))}
        </select>
        <input
          type="search"
          data-testid="filter-text"
          aria-label="Path contains"
          placeholder="Path or query contains…"
          value={draft.path}
          onChange={(event) => update({ path: event.target.value }, false)}
          className={`${INPUT} flex-1`}
        />
        <select
          data-testid="filter-signature"
          aria-label="Signature"
          value={draft.signature}
          onChange={(event) =>
            update({ signature: event.target.value as ListFilter["signature"] }, true)
          }
          className={`${INPUT} w-[6.75rem] shrink-0`}
        >
          {SIGNATURES.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div className="flex gap-1.5">
        <input
          type="search"
          data-testid="filter-header"
          aria-label="A header contains"
          placeholder="Header contains…"
          value={draft.header}
          onChange={(event) => update({ header: event.target.value }, false)}
          className={`${INPUT} flex-1`}
        />
        <input
          type="search"
          data-testid="filter-body"
          aria-label="Body contains (case-sensitive)"
          placeholder="Body contains…"
          value={draft.body}
          onChange={(event) => update({ body: event.target.value }, false)}
          className={`${INPUT} flex-1`}
        />
        {active && (
          <button
            type="button"
            data-testid="filter-clear"
            onClick={() => {
              if (timer.current) clearTimeout(timer.current);
              setDraft(EMPTY_FILTER);
              onChange(EMPTY_FILTER);
            }}
            className="h-7 shrink-0 rounded-md px-2 text-xs font-medium text-sky-700 hover:bg-sky-50 focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-400 dark:hover:bg-sky-500/10"
          >
            Clear
          </button>
        )}
      </div>
    </form>
  );
}
