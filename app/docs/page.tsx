import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { InlineCode } from "@/app/docs/InlineCode";
import { OperationCard } from "@/app/docs/OperationCard";
import { getPublicOrigin } from "@/lib/http/get-public-origin";
import { buildOpenApiDocument } from "@/lib/openapi/build-openapi-document";
import {
  HTTP_METHODS,
  type HttpMethod,
  type OperationObject,
} from "@/lib/openapi/openapi-document";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "API docs" };

interface Entry {
  method: HttpMethod;
  path: string;
  operation: OperationObject;
}

/** /docs: the OpenAPI document (the same one /api/openapi.json serves), for people. */
export default async function DocsPage() {
  const serverUrl = getPublicOrigin({ headers: await headers() });
  const document = buildOpenApiDocument({ serverUrl });
  const entries: Entry[] = Object.entries(document.paths).flatMap(([path, item]) =>
    HTTP_METHODS.flatMap((method) => {
      const operation = item[method];
      return operation ? [{ method, path, operation }] : [];
    }),
  );
  const groups = document.tags
    .map((tag) => ({
      tag,
      entries: entries.filter(({ operation }) => operation.tags.includes(tag.name)),
    }))
    .filter((group) => group.entries.length > 0);

  return (
    <main
      id="main"
      tabIndex={-1}
      className="mx-auto flex max-w-5xl flex-col gap-8 px-4 py-10 sm:px-6"
    >
      <header className="flex flex-col gap-3">
        <p className="text-sm">
          <Link href="/" className="text-sky-700 hover:underline dark:text-sky-400">
            Webhook Echo
          </Link>
        </p>
        <h1 className="text-3xl font-bold tracking-tight">{document.info.title}</h1>
        <p className="text-zinc-600 dark:text-zinc-400">
          <InlineCode text={document.info.description} />
        </p>
        <p className="text-sm">
          Server: <code className="font-mono">{serverUrl}</code> · Machine-readable:{" "}
          <a
            href="/api/openapi.json"
            className="font-mono text-sky-700 hover:underline dark:text-sky-400"
          >
            /api/openapi.json
          </a>{" "}
          (OpenAPI {document.openapi})
        </p>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          From a terminal:{" "}
          <code className="font-mono">
            webhook-echo forward &lt;view URL&gt; --to http://localhost:5000/webhooks/analysis
          </code>{" "}
          re-sends live deliveries to a local server;{" "}
          <code className="font-mono">webhook-echo send &lt;URL&gt; --secret S --retries</code>{" "}
          sends a signed analysis like CallCov does.
        </p>
        <nav aria-label="Sections" className="flex flex-wrap gap-2 text-sm">
          {groups.map(({ tag }) => (
            <a
              key={tag.name}
              href={`#${tag.name.toLowerCase()}`}
              className="rounded border border-zinc-200 px-2 py-0.5 hover:bg-zinc-100 dark:border-zinc-800 dark:hover:bg-zinc-900"
            >
              {tag.name}
            </a>
          ))}
        </nav>
      </header>
      {groups.map(({ tag, entries: group }) => (
        <section key={tag.name} id={tag.name.toLowerCase()} className="flex flex-col gap-4">
          <div>
            <h2 className="text-xl font-semibold">{tag.name}</h2>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">{tag.description}</p>
          </div>
          {group.map(({ method, path, operation }) => (
            <OperationCard
              key={`${method} ${path}`}
              method={method}
              path={path}
              operation={operation}
              schemas={document.components.schemas}
            />
          ))}
        </section>
      ))}
    </main>
  );
}
