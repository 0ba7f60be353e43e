"use client";

import { useState, type FormEvent, type ReactNode } from "react";
import type { BinSettingsState } from "@/lib/bins/update-bin-settings.types";
import { saveBinSettings } from "@/components/view/save-bin-settings";
import { describeSimulatedResponse } from "@/lib/payload/describe-simulated-response";

interface ResponseSettingsFormProps {
  binId: string;
  settings: BinSettingsState;
  onSaved: (settings: BinSettingsState) => void;
}

interface HeaderRow {
  key: number;
  name: string;
  value: string;
}

interface FormState {
  status: string;
  headers: HeaderRow[];
  body: string;
  contentType: string;
  delayMs: string;
  failCount: string;
  failStatus: string;
}

let nextRowKey = 0;

function initialState(settings: BinSettingsState): FormState {
  const response = settings.response;
  return {
    status: String(response?.status ?? 200),
    headers: Object.entries(response?.headers ?? {}).map(([name, value]) => ({
      key: nextRowKey++,
      name,
      value,
    })),
    body: response?.body ?? "",
    contentType: response?.contentType ?? "",
    delayMs: response?.delayMs ? String(response.delayMs) : "",
    failCount: settings.failFirst?.count ? String(settings.failFirst.count) : "",
    failStatus: String(settings.failFirst?.status ?? 503),
  };
}

// Numbers go as numbers; anything else is sent as typed so the server's message names it.
function numberOrText(text: string): number | string {
  const value = Number(text.trim());
  return text.trim() !== "" && Number.isFinite(value) ? value : text;
}

function buildRequest(form: FormState) {
  const response: Record<string, unknown> = {};
  if (form.status.trim() !== "" && form.status.trim() !== "200") {
    response.status = numberOrText(form.status);
  }
  const headers = form.headers.filter((row) => row.name.trim() !== "");
  if (headers.length > 0) {
    response.headers = Object.fromEntries(headers.map((row) => [row.name.trim(), row.value]));
  }
  if (form.body !== "") response.body = form.body;
  if (form.contentType.trim() !== "") response.contentType = form.contentType.trim();
  if (form.delayMs.trim() !== "" && form.delayMs.trim() !== "0") {
    response.delayMs = numberOrText(form.delayMs);
  }
  const failCount = form.failCount.trim();
  return {
    response: Object.keys(response).length === 0 ? null : response,
    failFirst:
      failCount === "" || failCount === "0"
        ? null
        : { count: numberOrText(failCount), status: numberOrText(form.failStatus) },
  };
}

const INPUT =
  "h-8 min-w-0 rounded-md border border-zinc-300 bg-white px-2.5 text-sm placeholder:text-zinc-400 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-zinc-700 dark:bg-zinc-900";

/** The owner's simulated answer: status, headers, body, delay, and fail-first for retries. */
export function ResponseSettingsForm({ binId, settings, onSaved }: ResponseSettingsFormProps) {
  const [form, setForm] = useState(() => initialState(settings));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const set = (patch: Partial<FormState>) => setForm((current) => ({ ...current, ...patch }));
  const setHeader = (key: number, patch: Partial<HeaderRow>) =>
    set({ headers: form.headers.map((row) => (row.key === key ? { ...row, ...patch } : row)) });

  const save = async (body: ReturnType<typeof buildRequest>) => {
    setBusy(true);
    setMessage(null);
    try {
      const saved = await saveBinSettings(binId, body);
      onSaved(saved);
      setForm(initialState(saved));
      setMessage({ error: false, text: `Saved. ${describeSimulatedResponse(saved)}.` });
    } catch (error) {
      setMessage({ error: true, text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(buildRequest(form));
  };

  return (
    <form data-testid="response-settings" onSubmit={submit} className="flex flex-col gap-3">
      <div className="grid grid-cols-2 gap-3">
        <Field label="Status" hint="200–599">
          <input
            data-testid="response-status"
            inputMode="numeric"
            value={form.status}
            onChange={(event) => set({ status: event.target.value })}
            className={INPUT}
          />
        </Field>
        <Field label="Delay (ms)" hint="0–120000">
          <input
            data-testid="response-delay"
            inputMode="numeric"
            placeholder="0"
            value={form.delayMs}
            onChange={(event) => set({ delayMs: event.target.value })}
            className={INPUT}
          />
        </Field>
      </div>
      <Field label="Body" hint="Leave empty for the default JSON">
        <textarea
          data-testid="response-body"
          rows={3}
          value={form.body}
          placeholder='{"received":true,"deliveryId":"…"}'
          onChange={(event) => set({ body: event.target.value })}
          className="min-h-16 rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 font-mono text-sm placeholder:text-zinc-400 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-zinc-700 dark:bg-zinc-900"
        />
      </Field>
      <Field label="Content type" hint="For a custom body">
        <input
          data-testid="response-content-type"
          placeholder="text/plain; charset=utf-8"
          value={form.contentType}
          onChange={(event) => set({ contentType: event.target.value })}
          className={INPUT}
        />
      </Field>
      <fieldset className="flex flex-col gap-1.5">
        <legend className="mb-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">
          Extra headers
        </legend>
        {form.headers.map((row) => (
          <div key={row.key} data-testid="response-header-row" className="flex gap-1.5">
            <input
              aria-label="Header name"
              data-testid="response-header-name"
              placeholder="X-Name"
              value={row.name}
              onChange={(event) => setHeader(row.key, { name: event.target.value })}
              className={`${INPUT} w-2/5 font-mono`}
            />
            <input
              aria-label="Header value"
              data-testid="response-header-value"
              placeholder="value"
              value={row.value}
              onChange={(event) => setHeader(row.key, { value: event.target.value })}
              className={`${INPUT} flex-1 font-mono`}
            />
            <button
              type="button"
              aria-label="Remove header"
              onClick={() =>
                set({ headers: form.headers.filter((other) => other.key !== row.key) })
              }
              className="h-8 w-8 shrink-0 rounded-md text-zinc-500 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:hover:bg-zinc-800"
            >
              ×
            </button>
          </div>
        ))}
        <button
          type="button"
          data-testid="response-add-header"
          onClick={() =>
            set({ headers: [...form.headers, { key: nextRowKey++, name: "", value: "" }] })
          }
          className="self-start rounded-md px-2 py-1 text-xs font-medium text-sky-700 hover:bg-sky-50 focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-400 dark:hover:bg-sky-500/10"
        >
          + Add header
        </button>
      </fieldset>
      <fieldset className="flex flex-col gap-1.5 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
        <legend className="px-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">
          Fail first attempts (retry testing)
        </legend>
        <div className="grid grid-cols-2 gap-3">
          <Field label="Attempts to fail" hint="0–20 per analysis">
            <input
              data-testid="fail-first-count"
              inputMode="numeric"
              placeholder="0"
              value={form.failCount}
              onChange={(event) => set({ failCount: event.target.value })}
              className={INPUT}
            />
          </Field>
          <Field label="With status" hint="400–599">
            <input
              data-testid="fail-first-status"
              inputMode="numeric"
              value={form.failStatus}
              onChange={(event) => set({ failStatus: event.target.value })}
              className={INPUT}
            />
          </Field>
        </div>
      </fieldset>
      {message && (
        <p
          data-testid={message.error ? "response-error" : "response-saved"}
          role={message.error ? "alert" : "status"}
          className={`text-xs wrap-anywhere ${message.error ? "text-rose-600 dark:text-rose-400" : "text-emerald-700 dark:text-emerald-400"}`}
        >
          {message.text}
        </p>
      )}
      <div className="flex gap-2">
        <button
          type="submit"
          data-testid="response-save"
          disabled={busy}
          className="h-8 rounded-md bg-sky-600 px-3 text-sm font-semibold text-white hover:bg-sky-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 disabled:opacity-50"
        >
          {busy ? "Saving…" : "Save response"}
        </button>
        <button
          type="button"
          data-testid="response-reset"
          disabled={busy || (settings.response === null && settings.failFirst === null)}
          onClick={() => void save({ response: null, failFirst: null })}
          className="h-8 rounded-md border border-zinc-300 px-3 text-sm font-medium hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          Reset to default
        </button>
      </div>
    </form>
  );
}

function Field({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) {
  return (
    <label className="flex min-w-0 flex-col gap-1">
      <span className="flex items-baseline justify-between gap-2 text-xs font-medium text-zinc-600 dark:text-zinc-400">
        {label}
        {hint && <span className="font-normal text-zinc-400 dark:text-zinc-500">{hint}</span>}
      </span>
      {children}
    </label>
  );
}
