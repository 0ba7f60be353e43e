import { toRecord } from "@/lib/analysis/to-record";

const SECTION_KEYS = ["call", "audio", "transcript", "results", "error_message"] as const;

// Loose on purpose: the sender may omit `object`, and a capture is worth parsing as long as it
// carries an analysis id, a status and some analysis content.
export function isAnalysisPayload({ value }: { value: unknown }): boolean {
  const payload = toRecord({ value });
  if (!payload) return false;
  const own = (key: string): unknown => (Object.hasOwn(payload, key) ? payload[key] : undefined);
  if (own("object") === "analysis") return true;
  return (
    typeof own("id") === "string" &&
    typeof own("status") === "string" &&
    SECTION_KEYS.some((key) => own(key) !== undefined)
  );
}
