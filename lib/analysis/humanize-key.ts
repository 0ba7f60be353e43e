import { splitKeyWords } from "@/lib/analysis/split-key-words";

// Words that read wrong in sentence case; kept tiny on purpose so real words are never shouted.
const ACRONYMS = new Set(["id", "url", "csat", "nps", "api", "ivr", "pii", "sla", "aht"]);

function humanizeWord(word: string, isFirst: boolean): string {
  if (ACRONYMS.has(word)) return word.toUpperCase();
  // Plurals such as "ids" → "IDs".
  if (word.endsWith("s") && ACRONYMS.has(word.slice(0, -1))) {
    return `${word.slice(0, -1).toUpperCase()}s`;
  }
  return isFirst ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}

// Sentence case for labels: "first_call_resolution" → "First call resolution".
export function humanizeKey({ key }: { key: string }): string {
  const words = splitKeyWords({ key });
  if (words.length === 0) return key;
  return words.map((word, index) => humanizeWord(word, index === 0)).join(" ");
}
