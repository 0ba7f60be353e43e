import { CliError } from "@/lib/cli/cli-error";
import { parseHttpUrl } from "@/lib/cli/parse-http-url";
import type { CliIo } from "@/lib/cli/cli-io";
import { forwardDeliveries } from "@/lib/cli/forward-deliveries";
import { parseCommandArgs } from "@/lib/cli/parse-command-args";
import { resolveForwardSource } from "@/lib/cli/resolve-forward-source";

export interface RunForwardCommandOptions {
  argv: string[];
  io: CliIo;
  signal: AbortSignal;
  env?: Record<string, string | undefined>;
}

const DEFAULT_SERVER = "http://localhost:3000";

const HELP = `Usage: webhook-echo forward <view-URL | echo-URL | bin-id> --to <local URL> [options]

Re-sends every new delivery of a bin to a local URL as it arrives: same method, headers in
order (minus hop-by-hop ones), exact body bytes, subpath and query. Reconnects by itself and
never forwards a delivery twice. Prints one line per delivery; Ctrl-C stops.

Options:
  --to <URL>          Where to send deliveries, e.g. http://localhost:5000/webhooks/analysis
  --server <URL>      Webhook Echo server (default: the URL's own origin, or ${DEFAULT_SERVER}
                      for a bare bin id)
  --replay-last <N>   First re-send the newest N existing deliveries, oldest first (0-200)
  --no-subpath        Do not append the delivery's subpath (after /echo/<id>) to --to
  --respond           The local app answers the sender: while this runs, each capture waits
                      (the bin's respondTimeoutMs, default 25 s) for what --to answered, and
                      that status, headers and body go back to the sender. Needs --token.
  --token <token>     The bin's owner token (or WEBHOOK_ECHO_TOKEN)
  -h, --help          Show this help

Example:
  webhook-echo forward https://echo.example.com/view/abc123 --to http://localhost:5000/webhooks/analysis`;

export async function runForwardCommand({
  argv,
  io,
  signal,
  env = {},
}: RunForwardCommandOptions): Promise<number> {
  const args = parseCommandArgs({
    command: "forward",
    argv,
    options: {
      string: ["to", "server", "replay-last", "token"],
      boolean: ["no-subpath", "respond"],
    },
    help: HELP,
    io,
    positional: "one view URL, echo URL or bin id",
  });
  if (!args) return 0;
  const { values, argument } = args;
  const replayText = values["replay-last"] ?? "0";
  if (!/^\d+$/.test(replayText) || Number(replayText) > 200) {
    throw new CliError(
      `forward: --replay-last must be a whole number 0-200, got "${replayText}"`,
      2,
    );
  }
  const token = values.token ?? env.WEBHOOK_ECHO_TOKEN;
  if (values.respond && !token) {
    throw new CliError("forward: --respond needs the bin's owner token (--token <token>)", 2);
  }
  if (!values.to) throw new CliError("forward: --to <local URL> is required", 2);
  const target = parseHttpUrl({ value: values.to, name: "forward: --to" });
  const source = resolveForwardSource({
    input: argument,
    server: values.server,
    defaultServer: DEFAULT_SERVER,
  });
  const summary = await forwardDeliveries({
    ...source,
    target,
    appendSubpath: !values["no-subpath"],
    replayLast: Number(replayText),
    token,
    respond: values.respond === true,
    io,
    signal,
  });
  io.err(`stopped: ${summary.forwarded} forwarded, ${summary.failed} failed`);
  return 0;
}
