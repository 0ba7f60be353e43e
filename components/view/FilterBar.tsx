"use client";

import { useEffect, useId, useRef, useState } from "react";
import { FieldError } from "@/components/common/FieldError";
import { checkJsonFilter } from "@/components/view/check-json-filter";
import { EMPTY_FILTER } from "@/lib/payload/empty-filter";
import { buildFilterQuery } from "@/lib/payload/build-filter-query";
import type { ListFilter } from "@/lib/payload/list-filter";

interface FilterBarProps {
  filter: ListFilter;
  onChange: (filter: ListFilter) => void;
  busy: boolean;
}

type TextKey = "path" | "header" | "body";
type ChoiceKey = "method" | "signature" | "conformance";
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
const CONFORMANCE: Option[] = [
  { value: "", label: "Schema" },
  { value: "valid", label: "Conforms" },
  { value: "invalid", label: "Violates" },
];
// Typing pauses this long before the list reloads.
const DEBOUNCE_MS = 300;

const INPUT =
  "h-7 min-w-0 rounded-md border border-zinc-300 bg-white px-2 text-xs placeholder:text-zinc-400 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-zinc-700 dark:bg-zinc-900";

/** Search/filter bar above the list: selects apply at once, text after a short pause. */
export function FilterBar({ filter, onChange, busy }: FilterBarProps) {
  const [draft, setDraft] = useState(filter);
  const [jsonText, setJsonText] = useState("");
  const [jsonError, setJsonError] = useState<string | null>(null);
  const jsonErrorId = useId();
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

  const active =
    Object.values(draft).some((value) => typeof value === "string" && value !== "") ||
    draft.json.length > 0 ||
    jsonText !== "";

  // One `dot.path=value` entry becomes a chip (a repeated json= parameter) once the API's own
  // schema accepts it; a refused one stays in the input with the reason and nothing is sent.
  const clearAll = () => {
    if (timer.current) clearTimeout(timer.current);
    setDraft(EMPTY_FILTER);
    setJsonText("");
    setJsonError(null);
    onChange(EMPTY_FILTER);
  };

  const addJson = () => {
    const entry = jsonText.trim();
    if (entry === "") return;
    if (draft.json.includes(entry)) {
      setJsonText("");
      return;
    }
    const check = checkJsonFilter({ entries: [...draft.json, entry] });
    if (!check.ok) {
      setJsonError(check.message);
      return;
    }
    setJsonError(null);
    setJsonText("");
    update({ json: [...draft.json, entry] }, true);
  };

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
        {choice("conformance", "Schema conformance", CONFORMANCE, "w-[6.25rem]")}
      </div>
      <div className="flex gap-1.5">
        <input
          type="text"
          data-testid="filter-json"
          aria-label="JSON field equals (dot.path=value, Enter adds)"
          aria-invalid={jsonError !== null}
          aria-describedby={jsonError ? jsonErrorId : undefined}
          placeholder="JSON: status=failed ↵"
          value={jsonText}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => {
            setJsonText(event.target.value);
            setJsonError(null);
          }}
          onKeyDown={(event) => {
            // The form has several text fields and no submit button: no implicit submission.
            if (event.key !== "Enter") return;
            event.preventDefault();
            addJson();
          }}
          className={`${INPUT} flex-1 font-mono`}
        />
        <button
          type="button"
          data-testid="filter-json-add"
          onClick={addJson}
          disabled={jsonText.trim() === ""}
          className="h-7 shrink-0 rounded-md border border-zinc-300 px-2 text-xs font-medium text-zinc-700 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-sky-500 disabled:opacity-50 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800"
        >
          Add
        </button>
        {active && (
          <button
            type="button"
            data-testid="filter-clear"
            onClick={clearAll}
            className="h-7 shrink-0 rounded-md px-2 text-xs font-medium text-sky-700 hover:bg-sky-50 focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-400 dark:hover:bg-sky-500/10"
          >
            Clear
          </button>
        )}
      </div>
      <FieldError id={jsonErrorId} testId="filter-json-error" error={jsonError} />
      {draft.json.length > 0 && (
        <ul aria-label="JSON filters" className="flex flex-wrap gap-1">
          {draft.json.map((entry) => (
            <li
              key={entry}
              data-testid="filter-json-chip"
              className="flex h-6 items-center gap-1 rounded-full bg-sky-50 pr-1 pl-2 font-mono text-xs text-sky-900 dark:bg-sky-500/15 dark:text-sky-100"
            >
              <span className="max-w-[16rem] truncate" title={entry}>
                {entry}
              </span>
              <button
                type="button"
                aria-label={`Remove JSON filter ${entry}`}
                onClick={() =>
                  update({ json: draft.json.filter((other) => other !== entry) }, true)
                }
                className="flex size-4 items-center justify-center rounded-full hover:bg-sky-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:hover:bg-sky-500/25"
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
