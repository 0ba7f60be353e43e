import {
  createSchemaValidatorPool,
  type SchemaValidatorPool,
} from "@/lib/conformance/create-schema-validator-pool";
import { getEnv } from "@/lib/env";
import { getSingleton } from "@/lib/singleton";

/** One validator thread per instance for every bin's own JSON Schema. */
export function getSchemaValidatorPool(): SchemaValidatorPool {
  return getSingleton("schemaValidatorPool", () =>
    createSchemaValidatorPool({ timeoutMs: getEnv().CONFORMANCE_TIMEOUT_MS }),
  );
}
