"use client";

import { use } from "react";
import { ConformanceBadge } from "@/components/view/ConformanceBadge";
import { DetailSection } from "@/components/view/DetailSection";
import { JsonRevealContext } from "@/components/view/json-reveal-context";
import type { ConformanceDetail } from "@/lib/conformance/conformance-schema";

/**
 * The body's conformance in the detail: the schema, the verdict, and every error (and, for
 * CallCov, every unknown field) as a button that opens the body's JSON tree at that place.
 * Renders nothing when no schema applies to the body.
 */
export function ConformanceSection({ conformance }: { conformance: ConformanceDetail }) {
  const { reveal } = use(JsonRevealContext);
  if (!conformance) return null;
  const { schema, valid, errors, unknownFields } = conformance;
  return (
    <DetailSection title="Schema conformance">
      <div data-testid="conformance-detail" className="flex flex-col gap-2 text-sm">
        <p className="flex flex-wrap items-center gap-2">
          <ConformanceBadge conformance={{ schema, valid }} />
          <span className="text-zinc-600 dark:text-zinc-400">
            {valid ? "Conforms to" : "Does not conform to"}{" "}
            <code className="font-mono text-xs">{schema}</code>
            {errors.length > 0 &&
              ` (${errors.length === 1 ? "1 error" : `${errors.length} errors`})`}
          </span>
        </p>
        {errors.length > 0 && (
          <PlaceList
            label="Conformance errors"
            testId="conformance-errors"
            places={errors}
            onReveal={reveal}
          />
        )}
        {unknownFields.length > 0 && (
          <>
            <p className="text-xs text-zinc-500 dark:text-zinc-400">
              Fields the schema does not define (allowed):
            </p>
            <PlaceList
              label="Unknown fields"
              testId="conformance-unknown-fields"
              places={unknownFields.map((path) => ({ path, message: "unknown field" }))}
              onReveal={reveal}
            />
          </>
        )}
      </div>
    </DetailSection>
  );
}

function PlaceList({
  label,
  testId,
  places,
  onReveal,
}: {
  label: string;
  testId: string;
  places: Array<{ path: string; message: string }>;
  onReveal: (pointer: string) => void;
}) {
  return (
    <ul aria-label={label} data-testid={testId} className="flex flex-col gap-1">
      {places.map(({ path, message }) => (
        <li key={`${path}\u0000${message}`}>
          {/* No attribute carries the path: it is captured text (a hostile key), shown as text only. */}
          <button
            type="button"
            onClick={() => onReveal(path)}
            title="Show this place in the body"
            className="flex w-full items-baseline gap-2 rounded-md px-2 py-1 text-left hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:hover:bg-zinc-800"
          >
            <code className="shrink-0 font-mono text-xs text-sky-700 underline decoration-dotted underline-offset-2 dark:text-sky-400">
              {path === "" ? "(whole body)" : path}
            </code>
            <span className="min-w-0 text-zinc-700 dark:text-zinc-300">{message}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
