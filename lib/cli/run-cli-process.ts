import { runCli } from "@/lib/cli/run-cli";

export interface RunCliProcessOptions {
  /** process.argv of the running program (node, script, then the user's arguments). */
  argv: string[];
}

/**
 * The CLI as a program: wires Ctrl-C to a clean stop, lines to stdout/stderr, and exits with
 * runCli's code. Shared by the repo's scripts/webhook-echo.mjs and the served bundle
 * (lib/cli/cli-main.ts), so both behave the same.
 */
export async function runCliProcess({ argv }: RunCliProcessOptions): Promise<never> {
  const controller = new AbortController();
  process.on("SIGINT", () => {
    // A second Ctrl-C does not wait for the clean stop.
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
  });
  process.on("SIGTERM", () => controller.abort());

  const code = await runCli({
    argv: argv.slice(2),
    io: {
      out: (line) => process.stdout.write(`${line}\n`),
      err: (line) => process.stderr.write(`${line}\n`),
    },
    signal: controller.signal,
    env: process.env,
  });
  // Exit now: an idle keep-alive socket must not hold the prompt.
  process.exit(code);
}
