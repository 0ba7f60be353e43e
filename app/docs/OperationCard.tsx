import type {
  HttpMethod,
  MediaTypeObject,
  OperationObject,
  SchemaObject,
} from "@/lib/openapi/openapi-document";
import { describeSchemaType } from "@/app/docs/describe-schema-type";
import { InlineCode } from "@/app/docs/InlineCode";
import { SchemaTree } from "@/app/docs/SchemaTree";

interface OperationCardProps {
  method: HttpMethod;
  path: string;
  operation: OperationObject;
  schemas: Record<string, SchemaObject>;
}

const METHOD_STYLES: Record<HttpMethod, string> = {
  get: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-300",
  post: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  put: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  patch: "bg-violet-100 text-violet-800 dark:bg-violet-950 dark:text-violet-300",
  delete: "bg-rose-100 text-rose-800 dark:bg-rose-950 dark:text-rose-300",
  options: "bg-zinc-200 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200",
  head: "bg-zinc-200 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200",
};

function statusStyle(status: string): string {
  if (status.startsWith("2")) return "text-emerald-700 dark:text-emerald-400";
  if (status.startsWith("4")) return "text-amber-700 dark:text-amber-400";
  if (status === "default") return "text-zinc-600 dark:text-zinc-300";
  return "text-rose-700 dark:text-rose-400";
}

function access(operation: OperationObject): string | null {
  const schemes = (operation.security ?? []).map((requirement) => Object.keys(requirement));
  if (schemes.length === 0) return null;
  return schemes.some((names) => names.length === 0)
    ? "Public; the owner token reveals more"
    : "Owner only: Authorization: Bearer <ownerToken> or the we_owner_<id> cookie";
}

function Content({
  content,
  schemas,
}: {
  content: Record<string, MediaTypeObject>;
  schemas: Record<string, SchemaObject>;
}) {
  return (
    <div className="space-y-2">
      {Object.entries(content).map(([mediaType, media]) => (
        <div key={mediaType}>
          <p className="font-mono text-xs text-zinc-500 dark:text-zinc-400">{mediaType}</p>
          <SchemaTree schema={media.schema} schemas={schemas} />
        </div>
      ))}
    </div>
  );
}

/** One operation: method badge, path, summary, parameters, request body and responses. */
export function OperationCard({ method, path, operation, schemas }: OperationCardProps) {
  const note = access(operation);
  return (
    <article
      id={operation.operationId}
      className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
    >
      <header className="flex flex-wrap items-center gap-2">
        <span
          className={`rounded px-2 py-0.5 font-mono text-xs font-bold uppercase ${METHOD_STYLES[method]}`}
        >
          {method}
        </span>
        <code className="font-mono text-sm font-semibold break-all">{path}</code>
      </header>
      <h3 className="mt-2 font-medium">{operation.summary}</h3>
      {operation.description && (
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          <InlineCode text={operation.description} />
        </p>
      )}
      {note && (
        <p className="mt-1 text-xs font-medium text-amber-700 dark:text-amber-400">{note}</p>
      )}

      {operation.parameters && operation.parameters.length > 0 && (
        <section className="mt-4">
          <h4 className="text-xs font-semibold tracking-wide text-zinc-500 dark:text-zinc-400 uppercase">
            Parameters
          </h4>
          <div className="overflow-x-auto">
            <table className="mt-1 w-full text-left text-sm">
              <thead className="text-xs text-zinc-500 dark:text-zinc-400">
                <tr>
                  <th className="py-1 pr-3 font-medium">Name</th>
                  <th className="py-1 pr-3 font-medium">In</th>
                  <th className="py-1 pr-3 font-medium">Type</th>
                  <th className="py-1 pr-3 font-medium">Required</th>
                  <th className="py-1 font-medium">Description</th>
                </tr>
              </thead>
              <tbody>
                {operation.parameters.map((parameter) => (
                  <tr
                    key={`${parameter.in}:${parameter.name}`}
                    className="border-t border-zinc-100 align-top dark:border-zinc-900"
                  >
                    <td className="py-1 pr-3 font-mono text-xs font-semibold">{parameter.name}</td>
                    <td className="py-1 pr-3 text-xs">{parameter.in}</td>
                    <td className="py-1 pr-3 font-mono text-xs text-violet-700 dark:text-violet-400">
                      {describeSchemaType({ schema: parameter.schema })}
                      {parameter.schema.enum && (
                        <span className="block text-zinc-500 dark:text-zinc-400">
                          {parameter.schema.enum.join(" | ")}
                        </span>
                      )}
                      {parameter.schema.default !== undefined && (
                        <span className="block text-zinc-500 dark:text-zinc-400">
                          default {JSON.stringify(parameter.schema.default)}
                        </span>
                      )}
                    </td>
                    <td className="py-1 pr-3 text-xs">{parameter.required ? "yes" : "no"}</td>
                    <td className="py-1 text-xs text-zinc-600 dark:text-zinc-400">
                      {parameter.description}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      {operation.requestBody && (
        <section className="mt-4">
          <h4 className="text-xs font-semibold tracking-wide text-zinc-500 dark:text-zinc-400 uppercase">
            Request body {operation.requestBody.required ? "(required)" : "(optional)"}
          </h4>
          {operation.requestBody.description && (
            <p className="text-xs text-zinc-600 dark:text-zinc-400">
              {operation.requestBody.description}
            </p>
          )}
          <Content content={operation.requestBody.content} schemas={schemas} />
        </section>
      )}

      <section className="mt-4">
        <h4 className="text-xs font-semibold tracking-wide text-zinc-500 dark:text-zinc-400 uppercase">
          Responses
        </h4>
        <ul className="mt-1 space-y-1">
          {Object.entries(operation.responses).map(([status, response]) => (
            <li key={status}>
              {/* Native disclosure: success answers open, errors folded; no client JS. */}
              <details open={status.startsWith("2")}>
                <summary className="cursor-pointer text-sm">
                  <span className={`font-mono font-bold ${statusStyle(status)}`}>{status}</span>{" "}
                  {response.description}
                </summary>
                <div className="mt-1 space-y-2 pl-4">
                  {response.headers && (
                    <ul className="text-xs">
                      {Object.entries(response.headers).map(([name, header]) => (
                        <li key={name}>
                          <span className="font-mono font-semibold">{name}</span>:{" "}
                          <span className="text-zinc-600 dark:text-zinc-400">
                            {header.description}
                          </span>
                        </li>
                      ))}
                    </ul>
                  )}
                  {response.content ? (
                    <Content content={response.content} schemas={schemas} />
                  ) : (
                    <p className="text-xs text-zinc-500 dark:text-zinc-400">No body.</p>
                  )}
                </div>
              </details>
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
