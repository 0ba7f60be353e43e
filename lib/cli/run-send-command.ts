import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { buildSampleAnalysis } from "@/lib/analysis/build-sample-analysis";
import { CliError } from "@/lib/cli/cli-error";
import { parseHttpUrl } from "@/lib/cli/parse-http-url";
import type { CliIo } from "@/lib/cli/cli-io";
import { formatDuration } from "@/lib/cli/format-duration";
import { formatRetrySummary } from "@/lib/cli/format-retry-summary";
import { parseCommandArgs } from "@/lib/cli/parse-command-args";
import { printResponseBody } from "@/lib/cli/print-response-body";
import { sendWithRetries } from "@/lib/cli/send-with-retries";
import { signCallcovBody } from "@/lib/signatures/sign-callcov-body";

export interface RunSendCommandOptions {
  argv: string[];
  io: CliIo;
  signal: AbortSignal;
  env: Record<string, string | undefined>;
  now?: () => Date;
}

const SECRET_ENV = "CALLCOV_WEBHOOK_SECRET";

const HELP = `Usage: webhook-echo send <URL> [options]

Posts a CallCov analysis webhook to a URL (an echo URL or your own endpoint) the way the
CallCov sender does: Content-Type: application/json, signed with X-CallCov-Signature =
lowercase hex HMAC-SHA256(secret, raw body). Prints the status and the response body.

Options:
  --secret <S>          Webhook secret to sign with (default: $${SECRET_ENV}; unsigned if
                        neither is set)
  --status <S>          Sample analysis status: completed (default) or failed
  --file <path>         Send this file's bytes unchanged instead of a sample
  --retries             On a non-2xx answer, a timeout (30 s) or a connection failure, retry on
                        CallCov's schedule (1 min, 5 min, 15 min, 1 h, 6 h; at most 5 retries)
                        and print a summary table
  --time-scale <F>      Multiply the retry delays and the timeout by F (default 1), e.g. 0.001
                        makes a minute 60 ms; the timeout never drops below 1 s
  -h, --help            Show this help

Exit status: 0 when delivered (2xx), 1 when not.`;

export async function runSendCommand({
  argv,
  io,
  signal,
  env,
  now = () => new Date(),
}: RunSendCommandOptions): Promise<number> {
  const args = parseCommandArgs({
    command: "send",
    argv,
    options: { string: ["secret", "status", "file", "time-scale"], boolean: ["retries"] },
    help: HELP,
    io,
    positional: "one URL",
  });
  if (!args) return 0;
  const { values, argument } = args;
  const url = parseHttpUrl({ value: argument, name: "send: the URL" });
  const status = values.status ?? "completed";
  if (status !== "completed" && status !== "failed") {
    throw new CliError(`send: --status must be completed or failed, got "${status}"`, 2);
  }
  if (values.file !== undefined && values.status !== undefined) {
    throw new CliError("send: --status describes the sample; it cannot be used with --file", 2);
  }
  const timeScale = Number(values["time-scale"] ?? "1");
  if (!Number.isFinite(timeScale) || timeScale <= 0) {
    throw new CliError(
      `send: --time-scale must be a positive number, got "${values["time-scale"]}"`,
      2,
    );
  }

  let body: Uint8Array;
  if (values.file !== undefined) {
    try {
      body = new Uint8Array(await readFile(values.file));
    } catch (error) {
      throw new CliError(`send: cannot read ${values.file}: ${(error as Error).message}`);
    }
  } else {
    const sample = buildSampleAnalysis({ status, now, randomId: randomUUID });
    body = new TextEncoder().encode(JSON.stringify(sample, null, 2));
  }
  const secret = values.secret ?? env[SECRET_ENV] ?? null;
  const headers: Array<[string, string]> = [
    ["Host", url.host],
    ["User-Agent", "CallCov-Webhooks/1.0 (webhook-echo CLI)"],
    ["Content-Type", "application/json"],
  ];
  if (secret) headers.push(["X-CallCov-Signature", await signCallcovBody({ body, secret })]);
  headers.push(["Content-Length", String(body.length)]);

  io.err(
    `POST ${url.href} (${body.length} bytes, ${secret ? "signed with X-CallCov-Signature" : `unsigned: no --secret or $${SECRET_ENV}`})`,
  );
  const result = await sendWithRetries({
    request: {
      method: "POST",
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      headers,
      body,
    },
    retries: values.retries ?? false,
    timeScale,
    signal,
    onWait: ({ retry, scheduleSeconds, waitMs }) =>
      io.err(
        `retry ${retry} in ${formatDuration({ ms: waitMs })} (schedule: ${formatDuration({ ms: scheduleSeconds * 1000 })} × ${timeScale})`,
      ),
    onAttempt: (attempt) => {
      const answer =
        attempt.status === null
          ? `error: ${attempt.error}`
          : `${attempt.status}${attempt.statusText ? ` ${attempt.statusText}` : ""}`;
      io.out(`attempt ${attempt.attempt} -> ${answer} (${Math.round(attempt.durationMs)} ms)`);
      printResponseBody({ io, body: attempt.responseBody });
    },
  });
  if (values.retries) for (const line of formatRetrySummary(result)) io.out(line);
  return result.delivered ? 0 : 1;
}
