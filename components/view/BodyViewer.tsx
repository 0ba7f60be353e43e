"use client";

import { use, useId, useMemo, useState } from "react";
import { AnalysisView } from "@/components/view/AnalysisView";
import { BodyTabs, type BodyTabId } from "@/components/view/BodyTabs";
import { BodyText } from "@/components/view/BodyText";
import { FormTable } from "@/components/view/FormTable";
import { HexDump } from "@/components/view/HexDump";
import { JsonTree } from "@/components/view/JsonTree";
import { JsonRevealContext } from "@/components/view/json-reveal-context";
import { MultipartParts } from "@/components/view/MultipartParts";
import { isAnalysisPayload } from "@/lib/analysis/is-analysis-payload";
import { classifyBody } from "@/lib/payload/classify-body";

interface BodyViewerProps {
  body: Uint8Array;
  contentType: string | null;
  rawUrl: string;
  /** From a deep link (?tab=); ignored when this body has no such view. */
  initialTab?: string | null;
  onTabChange?: (tab: BodyTabId) => void;
}

const KIND_LABELS = {
  json: "JSON",
  form: "Form (urlencoded)",
  multipart: "Multipart",
  text: "Text",
  binary: "Binary",
} as const;

/** Analysis / Pretty / Raw / Hex views of a body, chosen by what the bytes really are. */
export function BodyViewer({
  body,
  contentType,
  rawUrl,
  initialTab = null,
  onTabChange,
}: BodyViewerProps) {
  const classified = useMemo(() => classifyBody({ body, contentType }), [body, contentType]);
  const isAnalysis = useMemo(
    () => classified.kind === "json" && isAnalysisPayload({ value: classified.json }),
    [classified],
  );
  const baseId = useId();

  const tabs: Array<{ id: BodyTabId; label: string }> = [];
  // A CallCov analysis opens as a report; the JSON stays one click away.
  if (isAnalysis) tabs.push({ id: "analysis", label: "Analysis" });
  if (classified.kind === "json" || classified.kind === "form" || classified.kind === "multipart") {
    tabs.push({ id: "pretty", label: "Pretty" });
  }
  if (classified.text !== null && classified.kind !== "empty") {
    tabs.push({ id: "raw", label: classified.kind === "text" ? "Text" : "Raw" });
  }
  if (classified.kind !== "empty") tabs.push({ id: "hex", label: "Hex" });
  const [chosen, setChosen] = useState<string | null>(initialTab);
  // A request to show a place in the JSON (a conformance error) opens Pretty until a tab is chosen.
  const { request } = use(JsonRevealContext);
  const [seenReveal, setSeenReveal] = useState(0);
  const revealing = request !== null && request.nonce !== seenReveal && classified.kind === "json";
  const active = revealing
    ? "pretty"
    : (tabs.find((tab) => tab.id === chosen)?.id ?? tabs[0]?.id ?? null);

  if (classified.kind === "empty") {
    return <p className="text-sm text-zinc-500 dark:text-zinc-400 italic">No body (0 bytes).</p>;
  }

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-3">
        <BodyTabs
          tabs={tabs}
          active={active}
          baseId={baseId}
          onSelect={(tab) => {
            setChosen(tab);
            setSeenReveal(request?.nonce ?? 0);
            onTabChange?.(tab);
          }}
        />
        <span className="text-xs text-zinc-500 dark:text-zinc-400">
          {isAnalysis ? "CallCov analysis (JSON)" : KIND_LABELS[classified.kind]}
        </span>
      </div>
      <div role="tabpanel" id={`${baseId}-panel`} aria-labelledby={`${baseId}-${active}-tab`}>
        {active === "analysis" && classified.kind === "json" && (
          <AnalysisView value={classified.json} />
        )}
        {active === "pretty" && classified.kind === "json" && (
          <JsonTree
            key={request?.nonce ?? 0}
            value={classified.json}
            text={classified.text}
            reveal={request?.pointer ?? null}
          />
        )}
        {active === "pretty" && classified.kind === "form" && <FormTable text={classified.text} />}
        {active === "pretty" && classified.kind === "multipart" && (
          <MultipartParts body={body} boundary={classified.boundary} />
        )}
        {active === "raw" && classified.text !== null && <BodyText text={classified.text} />}
        {active === "hex" && <HexDump bytes={body} rawUrl={rawUrl} />}
      </div>
    </div>
  );
}
