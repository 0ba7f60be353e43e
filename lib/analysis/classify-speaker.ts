export type SpeakerRole = "agent" | "customer" | "other";

const AGENT = new Set(["agent", "rep", "representative", "advisor", "operator", "staff"]);
const CUSTOMER = new Set(["customer", "caller", "client", "contact", "user"]);

/** Which side of the call a transcript speaker label is ("Agent", "agent_1", "CUSTOMER"…). */
export function classifySpeaker({ speaker }: { speaker: string }): SpeakerRole {
  const word = speaker
    .trim()
    .toLowerCase()
    .replace(/[\s_-]*\d+$/, "");
  if (AGENT.has(word)) return "agent";
  if (CUSTOMER.has(word)) return "customer";
  return "other";
}
