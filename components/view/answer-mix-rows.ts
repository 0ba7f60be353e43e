import type { MixRow } from "@/components/view/mix-row";
import type { AnswerMix } from "@/lib/deliveries/get-bin-stats.types";

/** Answer classes in chart order, with the colour each chart uses for them. */
export const ANSWER_CLASSES = [
  { key: "2xx", label: "2xx", fill: "fill-emerald-500" },
  { key: "3xx", label: "3xx", fill: "fill-sky-500" },
  { key: "4xx", label: "4xx", fill: "fill-amber-500" },
  { key: "5xx", label: "5xx", fill: "fill-rose-500" },
  { key: "other", label: "other", fill: "fill-zinc-400" },
] as const satisfies ReadonlyArray<{ key: keyof AnswerMix; label: string; fill: string }>;

/** The answer mix as chart rows. */
export function answerMixRows({ answers }: { answers: AnswerMix }): MixRow[] {
  return ANSWER_CLASSES.map((cls) => ({ ...cls, value: answers[cls.key] }));
}
