import { getEnv } from "@/lib/env";

type Level = "debug" | "info" | "warn" | "error";
const order: Record<Level | "silent", number> = {
  debug: 10,
  info: 20,
  warn: 30,
  error: 40,
  silent: 100,
};

// One line per event, human-first. Callers pass only what is safe to print: never bodies,
// owner tokens or secrets.
export function log(level: Level, message: string, fields?: Record<string, unknown>): void {
  if (order[level] < order[getEnv().LOG_LEVEL]) return;
  const suffix = fields && Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : "";
  const line = `[webhook-echo] ${level}: ${message}${suffix}`;
  if (level === "error" || level === "warn") console.error(line);
  else console.log(line);
}
