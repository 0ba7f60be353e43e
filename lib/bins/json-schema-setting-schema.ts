import { z } from "zod";

/** A bin's own JSON Schema, as compact JSON, at most this many bytes. */
export const MAX_JSON_SCHEMA_BYTES = 64 * 1024;

const DESCRIPTION = `The bin's own JSON Schema (draft 2020-12), applied to every JSON delivery of the bin instead of callcov-analysis@1 (verdicts name it "bin@<hash>"); null goes back to the CallCov schema. At most ${MAX_JSON_SCHEMA_BYTES / 1024} KiB as compact JSON. A schema the validator (ajv, 2020-12) cannot compile is a 400 naming why; $ref must resolve inside the schema (nothing is ever fetched); a body whose validation runs out of time (CONFORMANCE_TIMEOUT_MS, e.g. a catastrophic pattern) is judged invalid with that reason, and the schema is paused for 10 minutes.`;

/** What an owner may send as `jsonSchema` (compiled by lib/bins/prepare-json-schema.ts). */
export const jsonSchemaSettingSchema = z
  .record(z.string(), z.unknown())
  .superRefine((schema, ctx) => {
    let bytes: number;
    try {
      bytes = new TextEncoder().encode(JSON.stringify(schema)).byteLength;
    } catch {
      // A nesting deep enough to overflow the stack is no schema anyone means.
      bytes = Number.POSITIVE_INFINITY;
    }
    if (bytes > MAX_JSON_SCHEMA_BYTES) {
      ctx.addIssue({
        code: "custom",
        message: `jsonSchema must be at most ${MAX_JSON_SCHEMA_BYTES / 1024} KiB as compact JSON`,
      });
    }
  })
  .meta({ description: DESCRIPTION });

/** The bin's own schema as stored and shown (to anyone with the view link, like the settings). */
export const storedJsonSchemaShape = {
  jsonSchema: z.record(z.string(), z.unknown()).nullable().meta({
    description: "The bin's own JSON Schema (2020-12); null: CallCov analyses are checked.",
  }),
  jsonSchemaName: z
    .string()
    .nullable()
    .meta({
      description: 'The name verdicts under the bin\'s own schema carry ("bin@<hash>").',
      examples: ["bin@3f2a9c0e11d4"],
    }),
};
