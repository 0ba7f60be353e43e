export type SpeakerRole = "agent" | "customer" | "other";

const AGENT = new Set(["agent", "rep", "representative", "advisor", "operator", "staff"]);
const CUSTOMER = new Set(["customer", "caller", "client", "contact", "user"]);
const DIGIT = /^[0-9]$/;
const SEPARATOR = /^[\s_-]$/;

// Drops a trailing number and the separators before it ("agent_2" → "agent"). Scanned from the
// end, one character at a time: the regex /[\s_-]*\d+$/ did the same but backtracked from every
// start position, quadratic on a hostile label (40,000 digits took ~1 s in a viewer's tab).
function stripTrailingNumber(label: string): string {
  let end = label.length;
  while (end > 0 && DIGIT.test(label[end - 1]!)) end--;
  if (end === label.length) return label;
  while (end > 0 && SEPARATOR.test(label[end - 1]!)) end--;
  return label.slice(0, end);
}

/** Which side of the call a transcript speaker label is ("Agent", "agent_1", "CUSTOMER"…). */
export function classifySpeaker({ speaker }: { speaker: string }): SpeakerRole {
  const word = stripTrailingNumber(speaker.trim().toLowerCase());
  if (AGENT.has(word)) return "agent";
  if (CUSTOMER.has(word)) return "customer";
  return "other";
}
