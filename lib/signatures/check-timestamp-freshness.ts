// The tolerance Stripe, Slack and Standard Webhooks all recommend against replays.
const TOLERANCE_SECONDS = 300;

export type TimestampFreshness =
  { fresh: true; age: string } | { fresh: false; age: string; reason: string };

export function checkTimestampFreshness({
  timestamp,
  now,
}: {
  timestamp: number;
  now: () => Date;
}): TimestampFreshness {
  const ageSeconds = Math.floor(now().getTime() / 1000) - timestamp;
  const age =
    ageSeconds >= 0
      ? `timestamp is ${ageSeconds} s old`
      : `timestamp is ${-ageSeconds} s in the future`;
  if (Math.abs(ageSeconds) <= TOLERANCE_SECONDS) return { fresh: true, age };
  return { fresh: false, age, reason: `stale: ${age} (tolerance ${TOLERANCE_SECONDS} s)` };
}
