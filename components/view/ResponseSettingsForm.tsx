"use client";

import { FormMessage } from "@/components/common/FormMessage";
import { buttonClass } from "@/components/common/button-class";
import { useState, type FormEvent } from "react";
import type { BinSettingsState } from "@/lib/bins/update-bin-settings.types";
import {
  buildResponseSettingsRequest,
  type ResponseFormState,
} from "@/components/view/build-response-settings-request";
import { LabeledInput, type LabeledInputProps } from "@/components/view/LabeledInput";
import { SaveButton } from "@/components/view/SaveButton";
import { useSaveSettings } from "@/components/view/use-save-settings";
import { describeSimulatedResponse } from "@/lib/payload/describe-simulated-response";
import type { SettingsFormProps } from "@/components/view/settings-form-props";

type HeaderRow = ResponseFormState["headers"][number];

let nextRowKey = 0;

function initialState(settings: BinSettingsState): ResponseFormState {
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

type TextField = Exclude<keyof ResponseFormState, "headers">;

const FIELDS: Record<TextField, Omit<LabeledInputProps, "value" | "onChange">> = {
  status: { label: "Status", hint: "200–599", testId: "response-status", numeric: true },
  delayMs: {
    label: "Delay (ms)",
    hint: "0–120000",
    testId: "response-delay",
    numeric: true,
    placeholder: "0",
  },
  body: {
    label: "Body",
    hint: "Leave empty for the default JSON",
    testId: "response-body",
    rows: 3,
    placeholder: '{"received":true,"deliveryId":"…"}',
  },
  contentType: {
    label: "Content type",
    hint: "For a custom body",
    testId: "response-content-type",
    placeholder: "text/plain; charset=utf-8",
  },
  failCount: {
    label: "Attempts to fail",
    hint: "0–20 per analysis",
    testId: "fail-first-count",
    numeric: true,
    placeholder: "0",
  },
  failStatus: { label: "With status", hint: "400–599", testId: "fail-first-status", numeric: true },
};

const HEADER_INPUT =
  "h-8 min-w-0 rounded-md border border-zinc-300 bg-white px-2.5 text-sm placeholder:text-zinc-400 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-zinc-700 dark:bg-zinc-900";

const HEADER_FIELDS = [
  { part: "name", label: "Header name", placeholder: "X-Name", width: "w-2/5" },
  { part: "value", label: "Header value", placeholder: "value", width: "flex-1" },
] as const;

/** The owner's simulated answer: status, headers, body, delay, and fail-first for retries. */
export function ResponseSettingsForm({ binId, settings, onSaved }: SettingsFormProps) {
  const [form, setForm] = useState(() => initialState(settings));
  const { busy, message, save: saveSettings } = useSaveSettings({ binId, onSaved });

  const set = (patch: Partial<ResponseFormState>) =>
    setForm((current) => ({ ...current, ...patch }));
  const setHeader = (key: number, patch: Partial<HeaderRow>) =>
    set({ headers: form.headers.map((row) => (row.key === key ? { ...row, ...patch } : row)) });

  const field = (key: TextField) => (
    <LabeledInput {...FIELDS[key]} value={form[key]} onChange={(value) => set({ [key]: value })} />
  );

  const save = (body: ReturnType<typeof buildResponseSettingsRequest>) =>
    saveSettings(body, (saved) => {
      setForm(initialState(saved));
      return `Saved. ${describeSimulatedResponse(saved)}.`;
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(buildResponseSettingsRequest(form));
  };

  return (
    <form data-testid="response-settings" onSubmit={submit} className="flex flex-col gap-3">
      <div className="grid grid-cols-2 gap-3">
        {field("status")}
        {field("delayMs")}
      </div>
      {field("body")}
      {field("contentType")}
      <fieldset className="flex flex-col gap-1.5">
        <legend className="mb-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">
          Extra headers
        </legend>
        {form.headers.map((row) => (
          <div key={row.key} data-testid="response-header-row" className="flex gap-1.5">
            {HEADER_FIELDS.map(({ part, label, placeholder, width }) => (
              <input
                key={part}
                aria-label={label}
                data-testid={`response-header-${part}`}
                placeholder={placeholder}
                value={row[part]}
                onChange={(event) => setHeader(row.key, { [part]: event.target.value })}
                className={`${HEADER_INPUT} ${width} font-mono`}
              />
            ))}
            <button
              type="button"
              aria-label="Remove header"
              onClick={() =>
                set({ headers: form.headers.filter((other) => other.key !== row.key) })
              }
              className="h-8 w-8 shrink-0 rounded-md text-zinc-500 dark:text-zinc-400 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:hover:bg-zinc-800"
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
          {field("failCount")}
          {field("failStatus")}
        </div>
      </fieldset>
      <FormMessage
        message={message}
        testId={message?.error ? "response-error" : "response-saved"}
      />
      <div className="flex gap-2">
        <SaveButton busy={busy} testId="response-save" label="Save response" />
        <button
          type="button"
          data-testid="response-reset"
          disabled={busy || (settings.response === null && settings.failFirst === null)}
          onClick={() => void save({ response: null, failFirst: null })}
          className={buttonClass()}
        >
          Reset to default
        </button>
      </div>
    </form>
  );
}
