"use client";

import { useState, type FormEvent } from "react";
import { buttonClass } from "@/components/common/button-class";
import { FormMessage } from "@/components/common/FormMessage";
import { RemoveButton } from "@/components/view/RemoveButton";
import { useSaveSettings } from "@/components/view/use-save-settings";
import { jsonSchemaSettingSchema } from "@/lib/bins/json-schema-setting-schema";
import type { SettingsFormProps } from "@/components/view/settings-form-props";

function format(schema: Record<string, unknown> | null): string {
  return schema === null ? "" : JSON.stringify(schema, null, 2);
}

/** Parses the editor's text the way the server will take it: a JSON object within the size limit. */
function parseSchema(text: string): { schema: Record<string, unknown> } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = jsonSchemaSettingSchema.safeParse(value);
  if (!parsed.success) {
    return { error: parsed.error.issues[0]?.message ?? "Not a JSON Schema object" };
  }
  return { schema: parsed.data };
}

/**
 * The bin's own JSON Schema (2020-12): when set, every JSON delivery is checked against it
 * instead of the CallCov analysis schema. Syntax and size are checked here as you type; whether
 * the validator can compile it is the server's answer (shown as the error). A new or removed
 * schema changes every verdict: the dialog's onSaved for it refreshes them.
 */
export function JsonSchemaSettings({ binId, settings, onSaved }: SettingsFormProps) {
  const [text, setText] = useState(() => format(settings.jsonSchema));
  const { busy, message, save } = useSaveSettings({ binId, onSaved });
  const parsed = text.trim() === "" ? null : parseSchema(text);
  const problem = parsed !== null && "error" in parsed ? parsed.error : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (parsed === null || "error" in parsed) return;
    void save({ jsonSchema: parsed.schema }, (saved) => {
      setText(format(saved.jsonSchema));
      return `Saved as ${saved.jsonSchemaName}; deliveries are checked again.`;
    });
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-2" data-testid="json-schema-settings">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {settings.jsonSchemaName === null ? (
          <>
            CallCov analyses are checked against{" "}
            <code className="font-mono text-xs">callcov-analysis@1</code>. Set a JSON Schema (draft
            2020-12) to check every JSON delivery against it instead.
          </>
        ) : (
          <>
            Every JSON delivery is checked against this schema (
            <code className="font-mono text-xs">{settings.jsonSchemaName}</code>).
          </>
        )}
      </p>
      <label htmlFor="json-schema-input" className="sr-only">
        JSON Schema
      </label>
      <textarea
        id="json-schema-input"
        data-testid="json-schema-input"
        value={text}
        onChange={(event) => setText(event.target.value)}
        rows={10}
        spellCheck={false}
        placeholder={'{\n  "type": "object",\n  "required": ["id"]\n}'}
        aria-invalid={problem !== null}
        aria-describedby="json-schema-problem"
        className="min-h-32 w-full rounded-md border border-zinc-300 bg-white p-2 font-mono text-xs focus-visible:outline-2 focus-visible:outline-sky-500 aria-[invalid=true]:border-rose-500 dark:border-zinc-700 dark:bg-zinc-900"
      />
      <p
        id="json-schema-problem"
        data-testid="json-schema-problem"
        role={problem ? "alert" : undefined}
        className="text-xs text-rose-600 dark:text-rose-400"
      >
        {problem}
      </p>
      <div className="flex flex-wrap gap-2">
        <button
          type="submit"
          data-testid="json-schema-save"
          disabled={busy || parsed === null || problem !== null}
          className={buttonClass({ variant: "primary" })}
        >
          Save schema
        </button>
        {settings.jsonSchema !== null && (
          <RemoveButton
            busy={busy}
            testId="json-schema-remove"
            onRemove={() =>
              void save({ jsonSchema: null }, () => {
                setText("");
                return "Schema removed; CallCov analyses are checked again.";
              })
            }
          />
        )}
      </div>
      <FormMessage message={message} testId="json-schema-message" />
    </form>
  );
}
