import type { TranscriptSegment } from "@/lib/analysis/analysis";

/** Indexes of the segments whose text or speaker contains the query (any case); all for "". */
export function searchTranscript({
  segments,
  query,
}: {
  segments: readonly TranscriptSegment[];
  query: string;
}): number[] {
  const needle = query.trim().toLowerCase();
  const indexes: number[] = [];
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index]!;
    if (
      needle === "" ||
      segment.text.toLowerCase().includes(needle) ||
      segment.speaker.toLowerCase().includes(needle)
    ) {
      indexes.push(index);
    }
  }
  return indexes;
}
