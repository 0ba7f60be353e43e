const PLACEHOLDER = "–";

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

// Transcript timestamps: "02:05", or "1:02:05" past an hour. Floors, so a segment never shows a
// time it has not reached yet.
export function formatClock({ seconds }: { seconds: number | null | undefined }): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) {
    return PLACEHOLDER;
  }
  const whole = Math.floor(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = whole % 60;
  if (hours > 0) return `${hours}:${pad(minutes)}:${pad(rest)}`;
  return `${pad(minutes)}:${pad(rest)}`;
}
