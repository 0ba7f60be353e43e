import { CliError } from "@/lib/cli/cli-error";
import type { CliIo } from "@/lib/cli/cli-io";
import { describeError } from "@/lib/cli/describe-error";
import { formatDeliveryDetail } from "@/lib/cli/format-delivery-detail";
import { parseCommandArgs } from "@/lib/cli/parse-command-args";
import { parseDuration } from "@/lib/cli/parse-duration";
import { parseMatchOptions } from "@/lib/cli/parse-match-options";
import { resolveForwardSource } from "@/lib/cli/resolve-forward-source";
import { openBin } from "@/lib/client/open-bin";
import { WebhookEchoError } from "@/lib/client/webhook-echo-error";
import { isDeliveryId } from "@/lib/ids/delivery-id-schema";

export interface RunWaitCommandOptions {
  argv: string[];
  io: CliIo;
  signal: AbortSignal;
}

const DEFAULT_SERVER = "http://localhost:3000";
const MAX_TIMEOUT_MS = 24 * 3_600_000;

const HELP = `Usage: webhook-echo wait <view-URL | echo-URL | bin-id> [options]

Waits for the next delivery of a bin that matches every filter, prints it in full (headers and
body) and exits 0. Exits 1 when none arrives in time, 2 on bad usage, 3 when the server cannot
be reached or refuses (unknown bin, HTTP error, unexpected answer). Made for CI: create a bin,
point the sender at its echo URL, trigger it, then wait and assert on the output.

Options:
  --match <filter>     Repeatable, all must hold:
                         json.<dot.path>=<value>  the JSON body has this value there
                                                  (json.status=completed, json.items.0.id=7;
                                                  the value is compared as JSON when it
                                                  parses as one, else as a string)
                         method=POST, path=<text>, header=<text>, body=<text>,
                         signature=valid|invalid|missing|no_secret
  --method <M>         Same as --match method=<M>
  --path <text>        Same as --match path=<text> (substring of path and query)
  --header <text>      Same as --match header=<text> (substring of a "Name: value" line)
  --after <where>      now (default): only deliveries arriving from now on;
                       start: from the bin's first delivery (a fresh bin in CI: create,
                       trigger the sender, then wait, with no race);
                       <delivery id>: only deliveries after it, including those that
                       arrived before this command
  --timeout <time>     How long to wait: 30s (default), 2m, 1h; longer than 60 s is several
                       long polls without a gap
  --json               Print the delivery as JSON (the API's delivery detail)
  --server <URL>       Webhook Echo server (default: the URL's own origin, or ${DEFAULT_SERVER}
                       for a bare bin id)
  -h, --help           Show this help

Example:
  webhook-echo wait https://echo.example.com/view/abc123 --match json.status=completed --timeout 2m`;

export async function runWaitCommand({ argv, io, signal }: RunWaitCommandOptions): Promise<number> {
  const args = parseCommandArgs({
    command: "wait",
    argv,
    options: {
      string: ["method", "path", "header", "after", "timeout", "server"],
      boolean: ["json"],
      list: ["match"],
    },
    help: HELP,
    io,
    positional: "one view URL, echo URL or bin id",
  });
  if (!args) return 0;
  const { values, argument } = args;
  const timeoutMs = parseDuration({ text: values.timeout ?? "30s" });
  if (timeoutMs === null || timeoutMs < 1000 || timeoutMs > MAX_TIMEOUT_MS) {
    throw new CliError(
      `wait: --timeout must be a duration from 1s to 24h (30s, 2m, 1h), got "${values.timeout}"`,
      2,
    );
  }
  const after = values.after ?? "now";
  if (after !== "now" && after !== "start" && !isDeliveryId(after)) {
    throw new CliError(`wait: --after must be a delivery id, "now" or "start", got "${after}"`, 2);
  }
  const dedicated = (["method", "path", "header"] as const).flatMap((name) =>
    values[name] === undefined ? [] : [`${name}=${values[name]}`],
  );
  const { filter, match } = parseMatchOptions({ pairs: [...dedicated, ...(values.match ?? [])] });
  let source;
  try {
    source = resolveForwardSource({
      input: argument,
      server: values.server,
      defaultServer: DEFAULT_SERVER,
    });
  } catch (error) {
    throw new CliError(`wait: ${(error as Error).message}`, 2);
  }
  const bin = openBin({ server: source.serverUrl, id: source.binId });
  try {
    const delivery = await bin.waitForDelivery({
      ...filter,
      match,
      after,
      timeoutMs,
      signal,
    });
    io.out(values.json ? JSON.stringify(delivery, null, 2) : formatDeliveryDetail({ delivery }));
    return 0;
  } catch (error) {
    if (error instanceof WebhookEchoError) {
      if (error.code === "timeout" && signal.aborted) throw new CliError("wait: stopped", 1);
      if (error.code === "timeout") throw new CliError(`wait: ${error.message}`, 1);
      // A 400 is the server refusing our filters: still a usage error.
      throw new CliError(`wait: ${error.message}`, error.status === 400 ? 2 : 3);
    }
    if (signal.aborted) throw new CliError("wait: stopped", 1);
    throw new CliError(`wait: cannot reach ${source.serverUrl}: ${describeError({ error })}`, 3);
  }
}
