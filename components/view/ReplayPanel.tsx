"use client";

import { buttonClass } from "@/components/common/button-class";
import { useMemo, useState, type FormEvent } from "react";
import { ReplayEditor } from "@/components/view/ReplayEditor";
import { LabeledCheckbox } from "@/components/view/LabeledCheckbox";
import { StatusCode } from "@/components/view/StatusCode";
import { signReplayBody } from "@/components/view/sign-replay-body";
import { applyHeaderEdits } from "@/lib/payload/apply-header-edits";
import { buildReplayRequest } from "@/lib/payload/build-replay-request";
import { formatByteSize } from "@/lib/payload/format-byte-size";
import type { SignatureScheme } from "@/lib/signatures/signature-result";
import { SIGNATURE_SCHEMES } from "@/lib/signatures/signature-schemes";
import { decodeUtf8 } from "@/lib/text/decode-utf8";

interface ReplayPanelProps {
  binId: string;
  deliveryId: string;
  method: string;
  headers: ReadonlyArray<readonly [string, string]>;
  body: Uint8Array;
  /** The owner may have the edited body re-signed with the bin's secret. */
  isOwner: boolean;
  /** The delivery's detected signature scheme; null: nothing to re-sign. */
  scheme: SignatureScheme | null;
}

type ReplayState =
  | { status: "idle" }
  | { status: "sending" }
  | {
      status: "done";
      code: number;
      statusText: string;
      ms: number;
      body: string;
      truncated: boolean;
    }
  | { status: "error"; message: string; ms: number | null };

const STORAGE_KEY = "webhook-echo:replay-url";
const TIMEOUT_MS = 30_000;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const PREVIEW_CHARS = 2000;

function readStoredUrl(): string {
  try {
    return window.localStorage.getItem(STORAGE_KEY) ?? "";
  } catch {
    return "";
  }
}

/**
 * Sends the delivery again from this browser to a URL the user types (often a local server):
 * same method, headers the browser may send, exact body bytes.
 */
export function ReplayPanel({
  binId,
  deliveryId,
  method,
  headers,
  body,
  isOwner,
  scheme,
}: ReplayPanelProps) {
  const [url, setUrl] = useState(readStoredUrl);
  const [state, setState] = useState<ReplayState>({ status: "idle" });
  const request = useMemo(
    () => buildReplayRequest({ method, headers, body }),
    [method, headers, body],
  );
  const capturedText = useMemo(() => decodeUtf8({ bytes: body }), [body]);
  // null: unchanged, so the captured bytes go out exactly (a BOM, odd line endings).
  const [editedBody, setEditedBody] = useState<string | null>(null);
  const [editedHeaders, setEditedHeaders] = useState<Array<[string, string]> | null>(null);
  const [resign, setResign] = useState(false);
  const sendHeaders = editedHeaders ?? request.headers;
  const bodyless = /^(GET|HEAD)$/i.test(method);
  const sendBody =
    bodyless || editedBody === null ? request.body : new TextEncoder().encode(editedBody);
  const schemeLabel = SIGNATURE_SCHEMES.find((info) => info.scheme === scheme)?.label ?? null;

  const send = async (event: FormEvent) => {
    event.preventDefault();
    let target: URL;
    try {
      target = new URL(url.trim());
    } catch {
      setState({
        status: "error",
        message: "Enter a full URL such as http://localhost:3000/webhooks.",
        ms: null,
      });
      return;
    }
    if (target.protocol !== "http:" && target.protocol !== "https:") {
      setState({
        status: "error",
        message: "Only http:// and https:// URLs can be replayed to.",
        ms: null,
      });
      return;
    }
    if (request.error) {
      setState({ status: "error", message: request.error, ms: null });
      return;
    }
    const badName = sendHeaders.find(([name]) => !HEADER_NAME.test(name));
    if (badName) {
      setState({
        status: "error",
        message: `"${badName[0]}" is not a valid header name; fix or remove it.`,
        ms: null,
      });
      return;
    }
    try {
      window.localStorage.setItem(STORAGE_KEY, target.toString());
    } catch {
      // Private mode: the URL is just not remembered.
    }
    setState({ status: "sending" });
    let replayHeaders = sendHeaders;
    if (resign && schemeLabel) {
      try {
        const signed = await signReplayBody({
          binId,
          deliveryId,
          body: sendBody ?? new Uint8Array(),
        });
        replayHeaders = applyHeaderEdits({ headers: sendHeaders, set: signed.headers });
      } catch (error) {
        setState({ status: "error", message: (error as Error).message, ms: null });
        return;
      }
    }
    const started = performance.now();
    try {
      const response = await fetch(target, {
        method: request.method,
        headers: replayHeaders,
        body: sendBody ? new Uint8Array(sendBody) : null,
        credentials: "omit",
        cache: "no-store",
        referrerPolicy: "no-referrer",
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const text = await response.text();
      setState({
        status: "done",
        code: response.status,
        statusText: response.statusText,
        ms: Math.round(performance.now() - started),
        body: text.slice(0, PREVIEW_CHARS),
        truncated: text.length > PREVIEW_CHARS,
      });
    } catch (error) {
      const ms = Math.round(performance.now() - started);
      const detail = error instanceof Error ? error.message : String(error);
      const message =
        error instanceof DOMException && error.name === "TimeoutError"
          ? `No answer within ${TIMEOUT_MS / 1000} s.`
          : error instanceof TypeError
            ? `The browser blocked reading the answer (CORS) or the target is unreachable: ${detail}. The target must answer with Access-Control-Allow-Origin (and handle the OPTIONS preflight); the request may still have arrived.`
            : detail;
      setState({ status: "error", message, ms });
    }
  };

  return (
    <div className="flex flex-col gap-2">
      <form onSubmit={send} className="flex flex-wrap items-center gap-2">
        <label htmlFor="replay-url" className="sr-only">
          Replay to URL
        </label>
        <input
          id="replay-url"
          type="url"
          data-testid="replay-url"
          placeholder="http://localhost:3000/webhooks"
          value={url}
          onChange={(event) => setUrl(event.target.value)}
          spellCheck={false}
          autoComplete="url"
          className="h-8 min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-2.5 font-mono text-sm placeholder:text-zinc-400 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-zinc-700 dark:bg-zinc-900"
        />
        <button
          type="submit"
          data-testid="replay-send"
          disabled={url.trim() === "" || state.status === "sending"}
          className={buttonClass({ variant: "primary" })}
        >
          {state.status === "sending" ? "Sending…" : "Replay"}
        </button>
      </form>
      <ReplayEditor
        bodyText={bodyless || capturedText === null ? null : (editedBody ?? capturedText)}
        bodyNote={
          bodyless
            ? `fetch cannot send a body with ${method.toUpperCase()}.`
            : "The captured body is not UTF-8 text; it is sent byte for byte and cannot be edited here."
        }
        onBodyChange={setEditedBody}
        bodyEdited={editedBody !== null}
        onRestoreBody={() => setEditedBody(null)}
        headers={sendHeaders}
        onHeadersChange={setEditedHeaders}
      />
      {isOwner && schemeLabel && (
        // Owner only: the server signs the bytes about to be sent with the bin's secret at the
        // current time; the browser gets the signature headers, never the secret.
        <LabeledCheckbox
          label={`Re-sign with the bin's secret (${schemeLabel})`}
          hint="The server signs the body you send with the current time and replaces the signature headers, so the receiver's real check accepts it. The secret stays on the server."
          testId="replay-resign"
          checked={resign}
          onChange={setResign}
        />
      )}
      <p data-testid="replay-summary" className="text-xs text-zinc-500 dark:text-zinc-400">
        Sent from your browser: {request.method} with {sendHeaders.length} header
        {sendHeaders.length === 1 ? "" : "s"} and{" "}
        {sendBody
          ? `${editedBody === null ? "the exact" : "your edited"} ${formatByteSize({ bytes: sendBody.length })} body`
          : "no body"}
        {resign && schemeLabel ? `, re-signed (${schemeLabel}) just before sending` : ""}. The
        target must allow CORS.
      </p>
      {(request.dropped.length > 0 || request.bodyNote) && (
        <details data-testid="replay-dropped" className="text-xs text-zinc-600 dark:text-zinc-400">
          <summary className="cursor-pointer select-none">
            Left out: {request.dropped.map((entry) => entry.name).join(", ")}
            {request.bodyNote ? `${request.dropped.length > 0 ? "; " : ""}the body` : ""}
          </summary>
          <ul className="mt-1 list-disc pl-5">
            {request.dropped.map((entry, index) => (
              <li key={index}>
                <code>{entry.name}</code>: {entry.reason}
              </li>
            ))}
            {request.bodyNote && <li>{request.bodyNote}</li>}
          </ul>
        </details>
      )}
      {(state.status === "done" || state.status === "error") && (
        <div
          data-testid="replay-result"
          data-status={state.status === "done" ? "ok" : "error"}
          data-http-status={state.status === "done" ? state.code : undefined}
          role="status"
          className={`flex flex-col gap-1.5 rounded-lg border p-3 text-[13px] ${
            state.status === "done"
              ? "border-zinc-200 dark:border-zinc-800"
              : "border-rose-300 bg-rose-50 text-rose-900 dark:border-rose-500/40 dark:bg-rose-500/10 dark:text-rose-100"
          }`}
        >
          {state.status === "done" ? (
            <>
              <p className="flex flex-wrap items-baseline gap-2">
                <span>Answered</span>
                <span className="text-sm">
                  <StatusCode status={state.code} testId="replay-status" />
                </span>
                {state.statusText && <span>{state.statusText}</span>}
                <span className="text-zinc-500 dark:text-zinc-400">in {state.ms} ms</span>
              </p>
              {state.body !== "" && (
                <pre className="max-h-40 overflow-auto rounded-md bg-zinc-50 p-2 text-xs whitespace-pre-wrap wrap-anywhere dark:bg-zinc-900">
                  {state.body}
                  {state.truncated ? "\n…" : ""}
                </pre>
              )}
            </>
          ) : (
            <p className="wrap-anywhere">
              {state.message}
              {state.ms !== null && (
                <span className="text-rose-700/70 dark:text-rose-200/70"> ({state.ms} ms)</span>
              )}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
