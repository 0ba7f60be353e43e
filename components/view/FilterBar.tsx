"use client";

import { useEffect, useRef, useState } from "react";
import { EMPTY_FILTER } from "@/components/view/empty-filter";
import { buildFilterQuery } from "@/lib/payload/build-filter-query";
import type { ListFilter } from "@/lib/payload/list-filter";

interface FilterBarProps {
  filter: ListFilter;
  onChange: (filter: ListFilter) => void;
  busy: boolean;
}

type TextKey = "path" | "header" | "body";
type ChoiceKey = "method" | "signature";
interface Option {
  value: string;
  label: string;
}

const METHOD_OPTIONS: Option[] = [
  { value: "", label: "Method" },
  ...["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"].map((method) => ({
    value: method,
    label: method,
  })),
];
const SIGNATURES: Option[] = [
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
  // The applied filter changed from outside (back/forward, a link): the fields follow it.
  const applied = buildFilterQuery({ filter });
  const [seen, setSeen] = useState(applied);
  if (seen !== applied) {
    setSeen(applied);
    if (buildFilterQuery({ filter: draft }) !== applied) setDraft(filter);
  }
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

  // Typed text waits for a pause; a choice applies at once.
  const search = (key: TextKey, label: string, placeholder: string) => (
    <input
      type="search"
      data-testid={key === "path" ? "filter-text" : `filter-${key}`}
      aria-label={label}
      placeholder={placeholder}
      value={draft[key]}
      onChange={(event) => update({ [key]: event.target.value }, false)}
      className={`${INPUT} flex-1`}
    />
  );
  const choice = (key: ChoiceKey, label: string, options: Option[], width: string) => (
    <select
      data-testid={`filter-${key}`}
      aria-label={label}
      value={draft[key]}
      onChange={(event) => update({ [key]: event.target.value }, true)}
      className={`${INPUT} ${width} shrink-0`}
    >
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );

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
        {choice("method", "Method", METHOD_OPTIONS, "w-[5.75rem]")}
        {search("path", "Path contains", "Path or query contains…")}
        {choice("signature", "Signature", SIGNATURES, "w-[6.75rem]")}
      </div>
      <div className="flex gap-1.5">
        {search("header", "A header contains", "Header contains…")}
        {search("body", "Body contains (case-sensitive)", "Body contains…")}
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
