"use client";

import { useCallback, useEffect, useMemo, useRef, useState, type UIEvent } from "react";
import { HighlightedText } from "@/components/view/HighlightedText";
import { RevealedText } from "@/components/view/RevealedText";
import type { TranscriptSegment } from "@/lib/analysis/analysis";
import { classifySpeaker, type SpeakerRole } from "@/lib/analysis/classify-speaker";
import { findVisibleRange } from "@/lib/analysis/find-visible-range";
import { formatClock } from "@/lib/analysis/format-clock";
import { searchTranscript } from "@/lib/analysis/search-transcript";

interface TranscriptTimelineProps {
  segments: TranscriptSegment[];
  /** transcript.text, shown when there are no segments. */
  text: string | null;
}

// Rows are measured once rendered; unmeasured ones count with this estimate.
const ESTIMATED_ROW_HEIGHT = 56;
const DEFAULT_VIEWPORT = 448;
const OVERSCAN = 8;

const ROLE_STYLES: Record<Exclude<SpeakerRole, "other">, { row: string; name: string }> = {
  agent: {
    row: "border-l-sky-500 bg-sky-50/60 dark:bg-sky-500/[0.07]",
    name: "text-sky-700 dark:text-sky-300",
  },
  customer: {
    row: "border-l-amber-500 bg-amber-50/60 dark:bg-amber-400/[0.07]",
    name: "text-amber-700 dark:text-amber-300",
  },
};
// Any other speaker gets its own colour, in order of first appearance.
const OTHER_STYLES = [
  { row: "border-l-violet-500", name: "text-violet-700 dark:text-violet-300" },
  { row: "border-l-teal-500", name: "text-teal-700 dark:text-teal-300" },
  { row: "border-l-fuchsia-500", name: "text-fuchsia-700 dark:text-fuchsia-300" },
  { row: "border-l-lime-600", name: "text-lime-700 dark:text-lime-300" },
  { row: "border-l-rose-500", name: "text-rose-700 dark:text-rose-300" },
];

function speakerStyles(segments: TranscriptSegment[]) {
  const styles = new Map<string, { role: SpeakerRole; row: string; name: string }>();
  let others = 0;
  for (const { speaker } of segments) {
    if (styles.has(speaker)) continue;
    const role = classifySpeaker({ speaker });
    const style =
      role === "other" ? OTHER_STYLES[others++ % OTHER_STYLES.length]! : ROLE_STYLES[role];
    styles.set(speaker, { role, ...style });
  }
  return styles;
}

/**
 * The call as a timeline of speaker turns with search. Only the rows in view are rendered (rows
 * have different heights, so each is measured), which keeps 5,000-segment calls fast.
 */
export function TranscriptTimeline({ segments, text }: TranscriptTimelineProps) {
  const [query, setQuery] = useState("");
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(DEFAULT_VIEWPORT);
  const [heights, setHeights] = useState<ReadonlyMap<number, number>>(new Map());
  const scroller = useRef<HTMLDivElement>(null);
  const observer = useRef<ResizeObserver | null>(null);

  const styles = useMemo(() => speakerStyles(segments), [segments]);
  const matches = useMemo(() => searchTranscript({ segments, query }), [segments, query]);
  const offsets = useMemo(() => {
    const result = new Array<number>(matches.length + 1);
    result[0] = 0;
    for (let index = 0; index < matches.length; index++) {
      result[index + 1] = result[index]! + (heights.get(matches[index]!) ?? ESTIMATED_ROW_HEIGHT);
    }
    return result;
  }, [matches, heights]);
  const { start, end } = findVisibleRange({
    offsets,
    scrollTop,
    viewportHeight: viewport,
    overscan: OVERSCAN,
  });

  // Created on first use: ref callbacks of the first rows run before any effect.
  const observe = useCallback((element: HTMLElement) => {
    observer.current ??= new ResizeObserver((entries) => {
      setHeights((current) => {
        let next: Map<number, number> | null = null;
        for (const entry of entries) {
          const target = entry.target as HTMLElement;
          const index = Number(target.dataset.index);
          const height = target.offsetHeight;
          if (!Number.isInteger(index) || height === 0 || current.get(index) === height) continue;
          next ??= new Map(current);
          next.set(index, height);
        }
        return next ?? current;
      });
    });
    observer.current.observe(element);
    return observer.current;
  }, []);

  useEffect(() => {
    const element = scroller.current;
    const onResize = new ResizeObserver(() => {
      if (element) setViewport(element.clientHeight || DEFAULT_VIEWPORT);
    });
    if (element) onResize.observe(element);
    return () => {
      onResize.disconnect();
      observer.current?.disconnect();
      observer.current = null;
    };
  }, []);

  const measure = useCallback(
    (element: HTMLElement | null) => {
      if (!element) return;
      const current = observe(element);
      return () => current.unobserve(element);
    },
    [observe],
  );

  const onSearch = (value: string) => {
    setQuery(value);
    setScrollTop(0);
    if (scroller.current) scroller.current.scrollTop = 0;
  };

  const trimmed = query.trim();
  const hasSegments = segments.length > 0;

  if (!hasSegments && !text) {
    return (
      <p className="text-sm text-zinc-500 dark:text-zinc-400 italic">
        No transcript in this analysis.
      </p>
    );
  }

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-3">
        <input
          type="search"
          data-testid="transcript-search"
          aria-label="Search the transcript"
          placeholder="Search the transcript…"
          value={query}
          onChange={(event) => onSearch(event.target.value)}
          className="h-8 w-full max-w-xs rounded-md border border-zinc-300 bg-white px-2.5 text-sm placeholder:text-zinc-400 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-zinc-700 dark:bg-zinc-900"
        />
        {hasSegments && (
          <span
            data-testid="transcript-count"
            className="text-xs text-zinc-500 dark:text-zinc-400"
            aria-live="polite"
          >
            {trimmed === ""
              ? `${segments.length.toLocaleString()} segments`
              : `${matches.length.toLocaleString()} of ${segments.length.toLocaleString()} segments match`}
          </span>
        )}
      </div>
      {hasSegments ? (
        <div
          ref={scroller}
          data-testid="transcript"
          onScroll={(event: UIEvent<HTMLDivElement>) => {
            setScrollTop(event.currentTarget.scrollTop);
            setViewport(event.currentTarget.clientHeight || DEFAULT_VIEWPORT);
          }}
          className="max-h-[28rem] overflow-y-auto rounded-lg border border-zinc-200 dark:border-zinc-800"
        >
          {matches.length === 0 ? (
            <p className="p-4 text-sm text-zinc-500 dark:text-zinc-400">
              No segment mentions “{trimmed}”.
            </p>
          ) : (
            <div
              style={{ paddingTop: offsets[start], paddingBottom: offsets.at(-1)! - offsets[end]! }}
            >
              {matches.slice(start, end).map((index) => {
                const segment = segments[index]!;
                const style = styles.get(segment.speaker)!;
                return (
                  <div
                    key={index}
                    ref={measure}
                    data-index={index}
                    data-testid="transcript-row"
                    data-role={style.role}
                    className={`flex gap-3 border-b border-l-4 border-b-zinc-100 px-3 py-2 last:border-b-0 dark:border-b-zinc-800/70 ${style.row}`}
                  >
                    <div className="w-28 shrink-0">
                      <div className={`truncate text-xs font-semibold ${style.name}`}>
                        {segment.speaker === "" ? (
                          "Unknown"
                        ) : (
                          <RevealedText text={segment.speaker} />
                        )}
                      </div>
                      <div className="font-mono text-[11px] text-zinc-500 dark:text-zinc-400 tabular-nums">
                        {formatClock({ seconds: segment.start })}–
                        {formatClock({ seconds: segment.end })}
                      </div>
                    </div>
                    <p className="min-w-0 flex-1 text-sm leading-6 whitespace-pre-wrap wrap-anywhere">
                      <HighlightedText text={segment.text} query={trimmed} />
                    </p>
                  </div>
                );
              })}
            </div>
          )}
        </div>
      ) : (
        <div
          data-testid="transcript-text"
          className="max-h-[28rem] overflow-auto rounded-lg bg-zinc-50 p-3 text-sm leading-6 whitespace-pre-wrap wrap-anywhere dark:bg-zinc-900"
        >
          <HighlightedText text={text ?? ""} query={trimmed} />
        </div>
      )}
    </div>
  );
}
