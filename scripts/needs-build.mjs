// "Build if needed": a production build exists and no source changed since that build STARTED
// (a file saved while `next build` ran must trigger another build).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const SOURCES = [
  "app",
  "components",
  "lib",
  "generated",
  "proxy.ts",
  "next.config.js",
  "postcss.config.mjs",
  "package.json",
];

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target)) {
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

function stampFile(root) {
  return path.join(root, ".next", "webhook-echo-build-started");
}

export function needsBuild(root) {
  const stamp = stampFile(root);
  if (!existsSync(stamp) || !existsSync(path.join(root, ".next", "BUILD_ID"))) return true;
  const startedAt = Number(readFileSync(stamp, "utf8"));
  return SOURCES.some((source) => newestMtime(path.join(root, source)) > startedAt);
}

/** Runs `next build` and records when it started; returns the exit status. */
export function runBuild(root, env = process.env) {
  const startedAt = Date.now();
  const result = spawnSync("npx", ["next", "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status === 0) writeFileSync(stampFile(root), String(startedAt));
  return result.status ?? 1;
}
