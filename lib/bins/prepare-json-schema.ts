import { getSchemaValidatorPool } from "@/lib/conformance/get-schema-validator-pool";
import { hashJsonSchema } from "@/lib/conformance/hash-json-schema";
import { AppError } from "@/lib/errors";

/**
 * The columns for an owner's new `jsonSchema`. It is compiled first, on the validator thread
 * (bounded in time, no network: ajv has no loader), so a schema ajv cannot use is a 400 with
 * ajv's reason, not a failure on every later delivery; the compiled validator stays cached.
 */
export async function prepareJsonSchema({
  jsonSchema,
}: {
  jsonSchema: Record<string, unknown> | null;
}): Promise<{ jsonSchema: string | null; jsonSchemaName: string | null }> {
  if (jsonSchema === null) return { jsonSchema: null, jsonSchemaName: null };
  const text = JSON.stringify(jsonSchema);
  const { hash, name } = hashJsonSchema({ text });
  const check = await getSchemaValidatorPool().check({ text, hash });
  if (!check.ok) throw new AppError("BAD_REQUEST", `jsonSchema cannot be used: ${check.message}`);
  return { jsonSchema: text, jsonSchemaName: name };
}
