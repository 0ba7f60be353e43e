#!/usr/bin/env node
// The CLI is TypeScript (lib/cli); tsx compiles it on the fly. The repo's tsconfig is named by
// absolute path so `@/` imports resolve from wherever the command is run.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
const { runCli } = await import("../lib/cli/run-cli.ts");

const controller = new AbortController();
process.on("SIGINT", () => {
  // A second Ctrl-C does not wait for the clean stop.
  if (controller.signal.aborted) process.exit(130);
  controller.abort();
});
process.on("SIGTERM", () => controller.abort());

const code = await runCli({
  argv: process.argv.slice(2),
  io: {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  },
  signal: controller.signal,
  env: process.env,
});
// Exit now: an idle keep-alive socket must not hold the prompt.
process.exit(code);
