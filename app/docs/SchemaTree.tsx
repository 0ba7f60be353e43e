import type { SchemaObject } from "@/lib/openapi/openapi-document";
import { describeSchemaType } from "@/app/docs/describe-schema-type";
import { InlineCode } from "@/app/docs/InlineCode";

interface SchemaTreeProps {
  schema: SchemaObject;
  schemas: Record<string, SchemaObject>;
  /** Component names already expanded on this branch: a recursive schema stops there. */
  seen?: readonly string[];
}

const MAX_DEPTH = 8;

function resolve(schema: SchemaObject, schemas: Record<string, SchemaObject>) {
  const name = schema.$ref?.split("/").at(-1);
  return name ? { name, target: schemas[name] ?? {} } : { name: null, target: schema };
}

/** What is worth expanding below a property: object members, array items, the non-null option. */
function expandable(schema: SchemaObject): SchemaObject | null {
  if (schema.$ref || schema.properties) return schema;
  if (schema.anyOf) {
    const options = schema.anyOf.filter((option) => option.type !== "null");
    return options.length === 1 ? expandable(options[0]!) : null;
  }
  if (schema.items) return expandable(schema.items);
  if (typeof schema.additionalProperties === "object") {
    return expandable(schema.additionalProperties);
  }
  return null;
}

function Notes({ schema }: { schema: SchemaObject }) {
  const notes: string[] = [];
  if (schema.enum)
    notes.push(`one of ${schema.enum.map((value) => JSON.stringify(value)).join(", ")}`);
  if (schema.default !== undefined) notes.push(`default ${JSON.stringify(schema.default)}`);
  if (schema.pattern) notes.push(`pattern ${schema.pattern}`);
  if (schema.examples?.length) {
    notes.push(`e.g. ${schema.examples.map((value) => JSON.stringify(value)).join(", ")}`);
  }
  if (notes.length === 0) return null;
  return <span className="text-xs text-zinc-500 dark:text-zinc-400"> · {notes.join(" · ")}</span>;
}

/** A schema as nested lists: each property with its type, whether it is required, and notes. */
export function SchemaTree({ schema, schemas, seen = [] }: SchemaTreeProps) {
  const { name, target } = resolve(schema, schemas);
  if (name && seen.includes(name)) {
    return (
      <p className="text-xs text-zinc-500 dark:text-zinc-400">{name} (recursive, see above)</p>
    );
  }
  const path = name ? [...seen, name] : seen;
  if (path.length > MAX_DEPTH) return null;

  if (target.anyOf || (target.items && !target.properties)) {
    const inner = expandable(target);
    return (
      <div className="text-sm">
        <p className="font-mono text-xs text-zinc-600 dark:text-zinc-300">
          {describeSchemaType({ schema: target })}
        </p>
        {inner && <SchemaTree schema={inner} schemas={schemas} seen={path} />}
      </div>
    );
  }

  const properties = Object.entries(target.properties ?? {});
  const required = new Set(target.required ?? []);
  return (
    <div className="text-sm">
      {name && (
        <p className="font-mono text-xs font-semibold text-sky-700 dark:text-sky-400">{name}</p>
      )}
      {/* An inline object's description is already shown on its property line. */}
      {target.description && (name || seen.length === 0) && (
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          <InlineCode text={target.description} />
        </p>
      )}
      {properties.length === 0 ? (
        <p className="font-mono text-xs text-zinc-600 dark:text-zinc-300">
          {describeSchemaType({ schema: target })}
          <Notes schema={target} />
        </p>
      ) : (
        <ul className="mt-1 space-y-1 border-l border-zinc-200 pl-3 dark:border-zinc-800">
          {properties.map(([key, property]) => {
            const inner = expandable(property);
            return (
              <li key={key}>
                <code className="font-mono text-xs font-semibold">{key}</code>{" "}
                <span className="font-mono text-xs text-violet-700 dark:text-violet-400">
                  {describeSchemaType({ schema: property })}
                </span>{" "}
                <span
                  className={
                    required.has(key)
                      ? "text-xs text-rose-700 dark:text-rose-400"
                      : "text-xs text-zinc-500 dark:text-zinc-400"
                  }
                >
                  {required.has(key) ? "required" : "optional"}
                </span>
                <Notes schema={property} />
                {property.description && (
                  <p className="text-xs text-zinc-600 dark:text-zinc-400">
                    <InlineCode text={property.description} />
                  </p>
                )}
                {inner && (
                  <div className="mt-1">
                    <SchemaTree schema={inner} schemas={schemas} seen={path} />
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {target.additionalProperties === false && properties.length > 0 && (
        <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">No other properties.</p>
      )}
    </div>
  );
}
