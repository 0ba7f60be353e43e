"use client";

import { useMemo, useRef, useState, type UIEvent } from "react";
import { CopyButton } from "@/components/common/CopyButton";
import { RevealedText } from "@/components/view/RevealedText";
import { useScrollToRow } from "@/components/view/use-scroll-to-row";
import { buildJsonTreeRows, type JsonTreeRow } from "@/lib/payload/build-json-tree-rows";
import { planJsonReveal } from "@/lib/payload/plan-json-reveal";

type Mode = "default" | "all" | "none";

// Depth and width at which nodes start collapsed, children shown per container before a
// "… N more" button, and the row count above which only the visible window is rendered.
const DEFAULT_DEPTH = 3;
const DEFAULT_MAX_CHILDREN = 100;
const CHILD_PAGE = 100;
const VIRTUALIZE_ABOVE = 400;
const ROW_HEIGHT = 20;
const VIEWPORT_ROWS = 40;
const OVERSCAN = 20;
const MAX_STRING_CHARS = 2000;

interface JsonTreeProps {
  value: unknown;
  /** The original text, copied verbatim by the copy button. */
  text: string;
  /** A JSON Pointer to open the tree at and highlight (a conformance error's place). */
  reveal?: string | null;
}

/** Collapsible, syntax-coloured JSON viewer that renders only what is expanded and visible. */
export function JsonTree({ value, text, reveal = null }: JsonTreeProps) {
  const [mode, setMode] = useState<Mode>("default");
  const [plan] = useState(() =>
    reveal === null
      ? null
      : planJsonReveal({ root: value, pointer: reveal, childPage: CHILD_PAGE }),
  );
  const [overrides, setOverrides] = useState<ReadonlyMap<string, boolean>>(
    () => plan?.expand ?? new Map(),
  );
  const [limits, setLimits] = useState<ReadonlyMap<string, number>>(
    () => plan?.limits ?? new Map(),
  );
  const treeRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);

  const rows = useMemo(
    () =>
      buildJsonTreeRows({
        root: value,
        isExpanded: (id, depth, size) =>
          overrides.get(id) ??
          (mode === "all"
            ? true
            : mode === "none"
              ? depth === 0
              : depth === 0 || (depth < DEFAULT_DEPTH && size <= DEFAULT_MAX_CHILDREN)),
        childLimit: (id) => limits.get(id) ?? CHILD_PAGE,
      }),
    [value, mode, overrides, limits],
  );

  const toggle = (id: string, expanded: boolean) =>
    setOverrides((current) => new Map(current).set(id, !expanded));
  const showMore = (id: string) =>
    setLimits((current) => new Map(current).set(id, (current.get(id) ?? CHILD_PAGE) + CHILD_PAGE));
  const setAll = (next: Mode) => {
    setMode(next);
    setOverrides(new Map());
  };

  const virtual = rows.length > VIRTUALIZE_ABOVE;
  const first = virtual ? Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN) : 0;
  const last = virtual
    ? Math.min(rows.length, Math.ceil(scrollTop / ROW_HEIGHT) + VIEWPORT_ROWS + OVERSCAN)
    : rows.length;
  const visible = rows.slice(first, last);
  const highlightId = plan?.id ?? null;
  const highlightIndex = rows.findIndex((row) => row.id === highlightId);
  useScrollToRow({
    containerRef: treeRef,
    index: highlightIndex,
    id: highlightId,
    rowHeight: ROW_HEIGHT,
    virtual,
  });
  const rowOf = (row: JsonTreeRow) => {
    const highlighted = row.id === highlightId && row.type !== "more";
    return (
      <div
        key={`${row.type}:${row.id}`}
        data-json-id={row.type === "more" ? undefined : row.id}
        data-highlighted={highlighted ? "true" : undefined}
        className={
          highlighted
            ? "bg-amber-100 ring-1 ring-amber-400 ring-inset dark:bg-amber-400/15"
            : undefined
        }
      >
        <TreeRow row={row} virtual={virtual} onToggle={toggle} onMore={showMore} />
      </div>
    );
  };

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <ToolbarButton onClick={() => setAll("all")}>Expand all</ToolbarButton>
        <ToolbarButton onClick={() => setAll("none")}>Collapse all</ToolbarButton>
        <span className="ml-auto">
          <CopyButton text={text} label="Copy JSON" />
        </span>
      </div>
      <div
        ref={treeRef}
        data-testid="json-tree"
        role="group"
        aria-label="JSON body"
        onScroll={
          virtual
            ? (event: UIEvent<HTMLDivElement>) => setScrollTop(event.currentTarget.scrollTop)
            : undefined
        }
        className="max-h-[40rem] overflow-auto rounded-lg bg-zinc-50 py-2 font-mono text-[13px] leading-5 dark:bg-zinc-900"
      >
        {virtual ? (
          <div className="relative" style={{ height: rows.length * ROW_HEIGHT }}>
            <div className="absolute inset-x-0" style={{ top: first * ROW_HEIGHT }}>
              {visible.map(rowOf)}
            </div>
          </div>
        ) : (
          visible.map(rowOf)
        )}
      </div>
    </div>
  );
}

function ToolbarButton({ onClick, children }: { onClick: () => void; children: string }) {
  return (
    <button
      type="button"
      onClick={onClick}
      className="rounded-md border border-zinc-300 px-2 py-1 text-xs font-medium hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 dark:border-zinc-700 dark:hover:bg-zinc-800"
    >
      {children}
    </button>
  );
}

interface TreeRowProps {
  row: JsonTreeRow;
  virtual: boolean;
  onToggle: (id: string, expanded: boolean) => void;
  onMore: (id: string) => void;
}

function TreeRow({ row, virtual, onToggle, onMore }: TreeRowProps) {
  const layout = virtual
    ? "h-5 overflow-hidden whitespace-pre"
    : "min-h-5 whitespace-pre-wrap wrap-anywhere";
  const indent = { paddingLeft: `${row.depth * 1.25 + 1.5}rem` };

  if (row.type === "more") {
    return (
      <div className={layout} style={indent}>
        <button
          type="button"
          onClick={() => onMore(row.id)}
          className="rounded px-1 text-sky-700 hover:bg-sky-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-400 dark:hover:bg-sky-500/10"
        >
          … {row.remaining.toLocaleString()} more
        </button>
      </div>
    );
  }
  if (row.type === "close") {
    return (
      <div className={`${layout} text-zinc-500 dark:text-zinc-400`} style={indent}>
        {row.bracket}
        {row.comma && ","}
      </div>
    );
  }

  const key = <Key value={row.key} />;
  if (row.type === "value") {
    return (
      <div className={layout} style={indent}>
        {key}
        <Primitive value={row.value} />
        {row.comma && <span className="text-zinc-500 dark:text-zinc-400">,</span>}
      </div>
    );
  }

  const closing = row.bracket === "{" ? "}" : "]";
  const caretIndent = { paddingLeft: `${row.depth * 1.25}rem` };
  if (row.size === 0) {
    return (
      <div className={layout} style={indent}>
        {key}
        <span className="text-zinc-500 dark:text-zinc-400">
          {row.bracket}
          {closing}
          {row.comma && ","}
        </span>
      </div>
    );
  }
  const unit =
    row.bracket === "{" ? (row.size === 1 ? "key" : "keys") : row.size === 1 ? "item" : "items";
  return (
    <div className={`${layout} group`} style={caretIndent}>
      <button
        type="button"
        onClick={() => onToggle(row.id, row.expanded)}
        aria-label={row.expanded ? "Collapse" : "Expand"}
        aria-expanded={row.expanded}
        className="inline-flex w-6 justify-center text-zinc-500 hover:text-zinc-900 dark:text-zinc-400 focus-visible:outline-2 focus-visible:outline-sky-500 dark:hover:text-zinc-100"
      >
        {row.expanded ? "▾" : "▸"}
      </button>
      {key}
      <span className="text-zinc-500 dark:text-zinc-400">{row.bracket}</span>
      {!row.expanded && (
        <>
          <button
            type="button"
            onClick={() => onToggle(row.id, row.expanded)}
            className="mx-1 rounded bg-zinc-200 px-1 text-xs text-zinc-600 hover:bg-zinc-300 dark:bg-zinc-800 dark:text-zinc-400 dark:hover:bg-zinc-700"
          >
            {row.size.toLocaleString()} {unit}
          </button>
          <span className="text-zinc-500 dark:text-zinc-400">
            {closing}
            {row.comma && ","}
          </span>
        </>
      )}
    </div>
  );
}

function Key({ value }: { value: string | number | null }) {
  if (value === null) return null;
  if (typeof value === "number") {
    return <span className="text-zinc-500 dark:text-zinc-400">{value}: </span>;
  }
  return (
    <>
      <span className="text-violet-700 dark:text-violet-300">
        <RevealedText text={JSON.stringify(value)} />
      </span>
      <span className="text-zinc-500 dark:text-zinc-400">: </span>
    </>
  );
}

function Primitive({ value }: { value: string | number | boolean | null }) {
  if (typeof value === "string") {
    const quoted = JSON.stringify(value);
    const shown =
      quoted.length > MAX_STRING_CHARS ? `${quoted.slice(0, MAX_STRING_CHARS)}…` : quoted;
    return (
      <span className="text-emerald-700 dark:text-emerald-400">
        <RevealedText text={shown} />
        {shown.length < quoted.length && (
          <span className="text-xs text-zinc-500 dark:text-zinc-400">
            {" "}
            (+{(quoted.length - MAX_STRING_CHARS).toLocaleString()} chars, see Raw)
          </span>
        )}
      </span>
    );
  }
  if (typeof value === "number") {
    return <span className="text-sky-700 dark:text-sky-300">{String(value)}</span>;
  }
  if (typeof value === "boolean") {
    return <span className="text-amber-700 dark:text-amber-300">{String(value)}</span>;
  }
  return <span className="text-rose-600 dark:text-rose-400">null</span>;
}
