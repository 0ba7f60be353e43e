type SchemaNode = Record<string, unknown>;

const MAP_KEYWORDS = ["properties", "$defs", "patternProperties"] as const;
const SCHEMA_KEYWORDS = ["items", "additionalProperties"] as const;

/**
 * A twin of a schema that refuses the properties it does not define (`unevaluatedProperties:
 * false` on every object schema with `properties` that says nothing about extra ones), so one
 * validation yields both the errors and the unknown fields. Conditions (if, not, anyOf, oneOf,
 * contains) are left alone: refusing extras there would change what they match. Meant for our
 * own schemas, not for hostile ones.
 */
export function toStrictSchema({ schema }: { schema: SchemaNode }): SchemaNode {
  return strict(schema);
}

function strict(node: SchemaNode): SchemaNode {
  const copy: SchemaNode = { ...node };
  for (const keyword of MAP_KEYWORDS) {
    const map = copy[keyword];
    if (isNode(map)) {
      copy[keyword] = Object.fromEntries(
        Object.entries(map).map(([key, child]) => [key, isNode(child) ? strict(child) : child]),
      );
    }
  }
  for (const keyword of SCHEMA_KEYWORDS) {
    const child = copy[keyword];
    if (isNode(child)) copy[keyword] = strict(child);
  }
  if (Array.isArray(copy.prefixItems)) {
    copy.prefixItems = copy.prefixItems.map((child) => (isNode(child) ? strict(child) : child));
  }
  if (
    isNode(copy.properties) &&
    copy.additionalProperties === undefined &&
    copy.unevaluatedProperties === undefined
  ) {
    copy.unevaluatedProperties = false;
  }
  return copy;
}

function isNode(value: unknown): value is SchemaNode {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
