import type { SchemaObject } from "@/lib/openapi/openapi-document";

function range(schema: SchemaObject): string {
  const { minimum, maximum, minLength, maxLength } = schema;
  if (minimum !== undefined && maximum !== undefined) return `${minimum}–${maximum}`;
  if (minimum !== undefined) return `≥ ${minimum}`;
  if (maximum !== undefined) return `≤ ${maximum}`;
  if (minLength !== undefined && maxLength !== undefined) {
    return `${minLength}–${maxLength} chars`;
  }
  if (maxLength !== undefined) return `≤ ${maxLength} chars`;
  return "";
}

/** A one-line type for the docs page: "string (uuid)", "integer 1–200", "Bin | null", "array of X". */
export function describeSchemaType({ schema }: { schema: SchemaObject }): string {
  if (schema.$ref) return schema.$ref.split("/").at(-1) ?? schema.$ref;
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.anyOf) {
    return schema.anyOf.map((option) => describeSchemaType({ schema: option })).join(" | ");
  }
  const types = schema.type === undefined ? [] : [schema.type].flat();
  if (types.includes("array")) {
    const rest = types.filter((type) => type !== "array");
    let label = "array";
    if (schema.prefixItems) {
      label = `[${schema.prefixItems.map((item) => describeSchemaType({ schema: item })).join(", ")}]`;
    } else if (schema.items) {
      label = `array of ${describeSchemaType({ schema: schema.items })}`;
    }
    return [label, ...rest].join(" | ");
  }
  if (
    types.includes("object") &&
    !schema.properties &&
    typeof schema.additionalProperties === "object"
  ) {
    return `map of string → ${describeSchemaType({ schema: schema.additionalProperties })}`;
  }
  let label = types.length > 0 ? types.join(" | ") : "any";
  if (schema.format) label += ` (${schema.format})`;
  if (schema.contentEncoding) label += ` (${schema.contentEncoding})`;
  if (schema.contentMediaType && !schema.contentEncoding) label = "bytes";
  const bounds = range(schema);
  return bounds ? `${label}, ${bounds}` : label;
}
