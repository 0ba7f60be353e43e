import { createHmac } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createSseParser, type SseEvent } from "@/lib/cli/create-sse-parser";
import { Ajv2020 } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { HTTP_METHODS, type OpenApiDocument } from "@/lib/openapi/openapi-document";
import { startTestServer, type TestServer } from "@/test/support/start-test-server";
import { buildDeliverySummary } from "@/test/support/build-delivery-summary";

const databaseUrl = inject("databaseUrl");
const root = path.resolve(import.meta.dirname, "..", "..");
const SECRET = "whsec_openapi-test";
let server: TestServer;
let document: OpenApiDocument;

beforeAll(async () => {
  server = await startTestServer({ databaseUrl });
  const response = await fetch(`${server.baseUrl}/api/openapi.json`);
  expect(response.status).toBe(200);
  document = (await response.json()) as OpenApiDocument;
});
afterAll(async () => {
  await server?.stop();
});

// ---------------------------------------------------------------------------------------------
// Validation with a standard validator: ajv for JSON Schema 2020-12 (the dialect of OpenAPI 3.1),
// against the document exactly as served. A schema is addressed by its JSON pointer inside the
// document, so its "#/components/schemas/..." references resolve against the document itself.

const DOCUMENT_ID = "https://webhook-echo.test/openapi.json";
let ajv: Ajv2020;

function pointer(...segments: string[]): string {
  return segments.map((segment) => segment.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");
}

function componentPointer(name: string): string {
  expect(document.components.schemas, `component ${name}`).toHaveProperty(name);
  return pointer("", "components", "schemas", name);
}

/** Every mismatch between `value` and the schema at `at` (a JSON pointer into the document). */
function validate(at: string, value: unknown): string[] {
  const check = ajv.getSchema(`${DOCUMENT_ID}#${at}`);
  if (!check) return [`no schema at ${at}`];
  if (check(value)) return [];
  return (check.errors ?? []).map(
    (error) => `${error.instancePath || "$"} ${error.message} ${JSON.stringify(error.params)}`,
  );
}

beforeAll(() => {
  // strict: false because the document around the schemas (paths, info) is not a schema.
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...document, $id: DOCUMENT_ID });
});

describe("the validator itself", () => {
  it("rejects answers that stray from the document", () => {
    const summary = componentPointer("DeliverySummary");
    const valid = buildDeliverySummary({
      conformance: { schema: "callcov-analysis@1", valid: false },
    });
    expect(validate(summary, valid)).toEqual([]);
    expect(validate(summary, { ...valid, conformance: { valid: "no" } })).not.toEqual([]);
    expect(validate(summary, { ...valid, extra: 1 })).not.toEqual([]);
    expect(validate(summary, { ...valid, id: "not-a-uuid" })).not.toEqual([]);
    expect(validate(summary, { ...valid, receivedAt: "yesterday" })).not.toEqual([]);
    expect(validate(summary, { ...valid, signature: { status: "valid" } })).not.toEqual([]);
    const { attempt: _attempt, ...withoutAttempt } = valid;
    expect(validate(summary, withoutAttempt)).not.toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

async function listRouteFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await listRouteFiles(full)));
    else if (/^route\.(ts|tsx|js)$/.test(entry.name)) found.push(full);
  }
  return found;
}

describe("OpenAPI document: coverage", () => {
  it("documents every route file under app/api (and the live stream server.ts serves) with exactly its methods, and nothing else", async () => {
    const files = await listRouteFiles(path.join(root, "app", "api"));
    const routes = new Map<string, string[]>();
    for (const file of files) {
      const segments = path.relative(path.join(root, "app"), path.dirname(file)).split(path.sep);
      const apiPath = `/${segments
        .filter((segment) => !/^\(.*\)$/.test(segment))
        .map((segment) => segment.replace(/^\[(?:\.\.\.)?(.+)\]$/, "{$1}"))
        .join("/")}`;
      const source = await readFile(file, "utf8");
      const methods = [
        ...source.matchAll(
          /export\s+(?:const|(?:async\s+)?function)\s+(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/g,
        ),
      ].map((match) => match[1]!.toLowerCase());
      routes.set(apiPath, [...new Set(methods)].sort());
    }
    expect(routes.size).toBeGreaterThan(10);
    // Served by server.ts itself, outside Next (lib/deliveries/serve-bin-events.ts).
    expect(routes.has("/api/bins/{id}/events")).toBe(false);
    routes.set("/api/bins/{id}/events", ["get"]);
    const documented = Object.entries(document.paths)
      .filter(([apiPath]) => apiPath.startsWith("/api/"))
      .map(([apiPath, item]) => [apiPath, Object.keys(item).sort()] as const);
    expect(Object.fromEntries(documented)).toEqual(Object.fromEntries(routes));
  });

  it("documents the served CLI files with the media types and validators they are served with", async () => {
    for (const file of ["webhook-echo.mjs", "webhook-echo.tgz"]) {
      const item = document.paths[`/cli/${file}`];
      expect(Object.keys(item ?? {}).sort(), file).toEqual(["get", "head"]);
      for (const method of ["get", "head"] as const) {
        const response = await fetch(`${server.baseUrl}/cli/${file}`, {
          method: method.toUpperCase(),
        });
        await response.arrayBuffer();
        expect(response.status).toBe(200);
        const documented = item![method]!.responses["200"]!;
        const mediaType = response.headers.get("content-type")!.split(";")[0]!;
        expect(Object.keys(documented.content ?? {}), `${method} ${file}`).toEqual([mediaType]);
        expect(documented.headers).toHaveProperty("ETag");
        expect(response.headers.get("etag")).toBeTruthy();
        expect(item![method]!.responses).toHaveProperty("304");
      }
    }
  });

  it("documents the capture endpoint for every common method, with and without a subpath", () => {
    for (const capturePath of ["/echo/{id}", "/echo/{id}/{path}"]) {
      expect(Object.keys(document.paths[capturePath] ?? {}).sort()).toEqual(
        [...HTTP_METHODS].sort(),
      );
    }
  });

  it("is well-formed: unique operation ids, declared path parameters, resolvable refs", () => {
    const ids = new Set<string>();
    for (const [apiPath, item] of Object.entries(document.paths)) {
      const templated = [...apiPath.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]).sort();
      for (const [method, operation] of Object.entries(item)) {
        expect(ids.has(operation.operationId), operation.operationId).toBe(false);
        ids.add(operation.operationId);
        const declared = (operation.parameters ?? [])
          .filter((parameter) => parameter.in === "path")
          .map((parameter) => parameter.name)
          .sort();
        expect(declared, `${method} ${apiPath}`).toEqual(templated);
        expect(Object.keys(operation.responses).length).toBeGreaterThan(0);
        for (const requirement of operation.security ?? []) {
          for (const scheme of Object.keys(requirement)) {
            expect(document.components.securitySchemes).toHaveProperty(scheme);
          }
        }
      }
    }
    const refs = [
      ...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g),
    ];
    expect(refs.length).toBeGreaterThan(20);
    for (const [, name] of refs) expect(document.components.schemas).toHaveProperty(name!);
    expect(document.openapi).toBe("3.1.0");
    expect(document.servers[0]?.url).toBe(server.baseUrl);
  });
});

// ---------------------------------------------------------------------------------------------

/** Where the documented schema of one answer is; fails when the status or media type is undocumented. */
function documentedSchema(
  method: string,
  apiPath: string,
  status: number,
  mediaType = "application/json",
): string {
  const operation = document.paths[apiPath]?.[method as (typeof HTTP_METHODS)[number]];
  expect(operation, `${method} ${apiPath} is documented`).toBeDefined();
  const key = operation!.responses[String(status)] ? String(status) : "default";
  const response = operation!.responses[key];
  expect(response, `${method} ${apiPath} documents ${status}`).toBeDefined();
  const media = response!.content?.[mediaType];
  expect(media, `${method} ${apiPath} ${status} documents ${mediaType}`).toBeDefined();
  return pointer("", "paths", apiPath, method, "responses", key, "content", mediaType, "schema");
}

/** Calls the real endpoint and checks the JSON answer against the documented schema. */
async function check(
  method: string,
  apiPath: string,
  url: string,
  expectedStatus: number,
  init: RequestInit = {},
): Promise<Record<string, unknown>> {
  const response = await fetch(`${server.baseUrl}${url}`, {
    method: method.toUpperCase(),
    ...init,
  });
  const text = await response.text();
  expect(response.status, `${method} ${url}: ${text}`).toBe(expectedStatus);
  if (response.status === 204) {
    expect(document.paths[apiPath]?.[method as "get"]?.responses["204"]).toBeDefined();
    expect(text).toBe("");
    return {};
  }
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const body = JSON.parse(text) as Record<string, unknown>;
  expect(
    validate(documentedSchema(method, apiPath, response.status), body),
    `${method} ${url}`,
  ).toEqual([]);
  return body;
}

async function capture(
  binId: string,
  subpath: string,
  body: string | Uint8Array<ArrayBuffer>,
  headers = {},
) {
  const response = await fetch(`${server.baseUrl}/echo/${binId}${subpath}`, {
    method: "POST",
    headers,
    body,
  });
  const answer = await response.json();
  const apiPath = subpath ? "/echo/{id}/{path}" : "/echo/{id}";
  expect(validate(documentedSchema("post", apiPath, response.status), answer)).toEqual([]);
  return {
    status: response.status,
    deliveryId: answer.deliveryId as string,
    answer: answer as unknown,
  };
}

async function readEvents(url: string, headers: Record<string, string>, count: number) {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
  const events: SseEvent[] = [];
  const parser = createSseParser({ onEvent: (event) => events.push(event) });
  const reader = response.body!.getReader();
  const timer = setTimeout(() => controller.abort(), 10_000);
  try {
    while (events.length < count) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.push(value);
    }
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return events;
}

const jsonHeaders = { "Content-Type": "application/json" };

/** GET one delivery's detail, checked against the document. */
function checkDetail(binId: string, deliveryId: string) {
  return check(
    "get",
    "/api/bins/{id}/deliveries/{deliveryId}",
    `/api/bins/${binId}/deliveries/${deliveryId}`,
    200,
  );
}

/** A new bin, its creation checked against the document, with its owner's Authorization. */
async function createCheckedBin() {
  const bin = await check("post", "/api/bins", "/api/bins", 201);
  const ownerToken = bin.ownerToken as string;
  return { id: bin.id as string, ownerToken, owner: { Authorization: `Bearer ${ownerToken}` } };
}

describe("OpenAPI document: responses match the real answers", () => {
  it("bins, settings, claim, deliveries, events, export, samples, service endpoints", async () => {
    const { id, ownerToken, owner } = await createCheckedBin();

    await check("get", "/api/bins/{id}", `/api/bins/${id}`, 200);
    await check("put", "/api/bins/{id}/settings", `/api/bins/${id}/settings`, 200, {
      headers: { ...owner, ...jsonHeaders },
      body: JSON.stringify({
        webhookSecret: SECRET,
        response: { headers: { "X-Test": "yes" }, delayMs: 0 },
        failFirst: { count: 1 },
      }),
    });
    await check("put", "/api/bins/{id}/settings", `/api/bins/${id}/settings`, 401, {
      headers: jsonHeaders,
      body: "{}",
    });
    await check("put", "/api/bins/{id}/settings", `/api/bins/${id}/settings`, 400, {
      headers: { ...owner, ...jsonHeaders },
      body: JSON.stringify({ unknown: 1 }),
    });
    await check("get", "/api/bins/{id}", `/api/bins/${id}`, 200);

    // An analysis failed once (fail-first answers 503 with a SimulatedFailure, never the
    // receipt), then delivered; a
    // tampered signature; a binary body.
    const analysis = (await check(
      "get",
      "/api/samples/analysis",
      "/api/samples/analysis?status=completed",
      200,
    )) as { id: string };
    const body = JSON.stringify(analysis);
    const signed = {
      "Content-Type": "application/json",
      "X-CallCov-Signature": createHmac("sha256", SECRET).update(body).digest("hex"),
    };
    const first = await capture(id, "/webhooks/analysis", body, signed);
    expect(first.status).toBe(503);
    expect(first.answer).toMatchObject({ simulated: true, error: "simulated_failure" });
    expect(first.answer).not.toHaveProperty("received");
    const second = await capture(id, "/webhooks/analysis", body, signed);
    expect(second.status).toBe(200);
    const tampered = await capture(id, "", body.replace("completed", "failed"), signed);
    const binary = await capture(id, "/bin?x=1", new Uint8Array([0xff, 0x00, 0xfe]));
    await check("get", "/api/samples/analysis", "/api/samples/analysis?status=failed", 200);
    await check("get", "/api/samples/analysis", "/api/samples/analysis?status=nope", 400);

    const page = await check("get", "/api/bins/{id}/deliveries", `/api/bins/${id}/deliveries`, 200);
    expect(page.deliveries).toHaveLength(4);
    const paged = await check(
      "get",
      "/api/bins/{id}/deliveries",
      `/api/bins/${id}/deliveries?limit=1&method=post&signature=valid&header=callcov&path=webhooks&body=analysis`,
      200,
    );
    expect(paged.nextCursor).toEqual(expect.any(String));
    await check("get", "/api/bins/{id}/deliveries", `/api/bins/${id}/deliveries?limit=0`, 400);
    await check(
      "get",
      "/api/bins/{id}/deliveries",
      `/api/bins/${id}/deliveries?json=${encodeURIComponent("status=completed")}&json=object%3Danalysis`,
      200,
    );
    const waitPath = "/api/bins/{id}/deliveries/wait";
    const waited = await check(
      "get",
      waitPath,
      `/api/bins/${id}/deliveries/wait?after=${first.deliveryId}&json=status%3Dcompleted`,
      200,
    );
    expect(waited.delivery).toMatchObject({ id: second.deliveryId });
    await check("get", waitPath, `/api/bins/${id}/deliveries/wait?timeout=1`, 204);
    await check("get", waitPath, `/api/bins/${id}/deliveries/wait?timeout=0`, 400);
    await check("get", waitPath, `/api/bins/no-such-bin-here/deliveries/wait?timeout=1`, 404);

    const detailPath = "/api/bins/{id}/deliveries/{deliveryId}";
    const retried = await checkDetail(id, second.deliveryId);
    expect(retried).toMatchObject({ attempt: 2, signature: { status: "valid" } });
    // The tampered copy carries the same analysis id: a third delivery of it.
    expect(retried.retryTimeline).toHaveLength(3);
    const asOwner = await check(
      "get",
      detailPath,
      `/api/bins/${id}/deliveries/${tampered.deliveryId}`,
      200,
      { headers: owner },
    );
    expect(asOwner.signature).toMatchObject({ status: "invalid", ownerDetail: expect.any(Object) });
    await checkDetail(id, binary.deliveryId);
    await check(
      "get",
      detailPath,
      `/api/bins/${id}/deliveries/00000000-0000-7000-8000-000000000000`,
      404,
    );

    const signPath = "/api/bins/{id}/deliveries/{deliveryId}/sign";
    const signUrl = (deliveryId: string) => `/api/bins/${id}/deliveries/${deliveryId}/sign`;
    const resigned = await check("post", signPath, signUrl(tampered.deliveryId), 200, {
      headers: { ...owner, ...jsonHeaders },
      body: JSON.stringify({ bodyBase64: Buffer.from(body).toString("base64") }),
    });
    expect(resigned).toMatchObject({
      scheme: "callcov",
      headers: [["X-CallCov-Signature", createHmac("sha256", SECRET).update(body).digest("hex")]],
    });
    await check("post", signPath, signUrl(tampered.deliveryId), 401, {
      headers: jsonHeaders,
      body: "{}",
    });
    // The binary delivery carries no signature header: nothing to re-sign.
    await check("post", signPath, signUrl(binary.deliveryId), 409, {
      headers: { ...owner, ...jsonHeaders },
      body: "{}",
    });
    await check("post", signPath, signUrl(tampered.deliveryId), 400, {
      headers: { ...owner, ...jsonHeaders },
      body: JSON.stringify({ bodyBase64: "%%%" }),
    });

    const diffPath = "/api/bins/{id}/deliveries/{deliveryId}/diff";
    const diffUrl = (a: string, query: string) => `/api/bins/${id}/deliveries/${a}/diff${query}`;
    const jsonDiff = await check(
      "get",
      diffPath,
      diffUrl(second.deliveryId, `?against=${tampered.deliveryId}`),
      200,
    );
    expect(jsonDiff.body).toMatchObject({ kind: "json", changes: [{ path: "/status" }] });
    const binaryDiff = await check(
      "get",
      diffPath,
      diffUrl(binary.deliveryId, `?against=${first.deliveryId}`),
      200,
    );
    expect(binaryDiff.body).toMatchObject({ kind: "binary" });
    expect(binaryDiff.headers).toContainEqual(
      expect.objectContaining({ name: "x-callcov-signature", op: "added" }),
    );
    await check("get", diffPath, diffUrl(second.deliveryId, "?against=nope"), 400);
    await check(
      "get",
      diffPath,
      diffUrl(second.deliveryId, "?against=00000000-0000-7000-8000-000000000000"),
      404,
    );
    // Conformance: CallCov verdicts, the filter, a bin's own schema (verdicts with errors).
    expect(retried.conformance).toEqual({
      schema: "callcov-analysis@1",
      valid: true,
      errors: [],
      unknownFields: [],
    });
    await check(
      "get",
      "/api/bins/{id}/deliveries",
      `/api/bins/${id}/deliveries?conformance=valid`,
      200,
    );
    const published = await check(
      "get",
      "/api/schemas/{name}",
      "/api/schemas/callcov-analysis@1",
      200,
    );
    expect(published.$id).toBe("urn:webhook-echo:schema:callcov-analysis@1");
    await check("get", "/api/schemas/{name}", "/api/schemas/callcov-analysis@9", 404);
    const ownSchema = { type: "object", required: ["order"] };
    await check("put", "/api/bins/{id}/settings", `/api/bins/${id}/settings`, 200, {
      headers: { ...owner, ...jsonHeaders },
      body: JSON.stringify({ jsonSchema: ownSchema }),
    });
    await check("put", "/api/bins/{id}/settings", `/api/bins/${id}/settings`, 400, {
      headers: { ...owner, ...jsonHeaders },
      body: JSON.stringify({ jsonSchema: { type: "strnig" } }),
    });
    expect(await check("get", "/api/bins/{id}", `/api/bins/${id}`, 200)).toMatchObject({
      jsonSchema: ownSchema,
    });
    const judged = await check(
      "get",
      "/api/bins/{id}/deliveries",
      `/api/bins/${id}/deliveries?conformance=invalid`,
      200,
    );
    expect(judged.deliveries).toHaveLength(3);
    const ownVerdict = await checkDetail(id, second.deliveryId);
    expect(ownVerdict.conformance).toMatchObject({
      valid: false,
      errors: [{ path: "/order", message: "is required" }],
    });

    const raw = await fetch(`${server.baseUrl}/api/bins/${id}/deliveries/${binary.deliveryId}/raw`);
    expect(raw.status).toBe(200);
    const rawType = raw.headers.get("content-type")!;
    expect(
      Object.keys(
        document.paths["/api/bins/{id}/deliveries/{deliveryId}/raw"]!.get!.responses["200"]!
          .content!,
      ),
    ).toContain(rawType);
    expect(Buffer.from(await raw.arrayBuffer())).toEqual(Buffer.from([0xff, 0x00, 0xfe]));

    // Live events: ready, then the deliveries after the first one (replayed via Last-Event-ID).
    const events = await readEvents(
      `${server.baseUrl}/api/bins/${id}/events`,
      { "Last-Event-ID": first.deliveryId },
      4,
    );
    expect(events.map((event) => event.event)).toEqual([
      "ready",
      "delivery",
      "delivery",
      "delivery",
    ]);
    expect(validate(componentPointer("LiveReadyEvent"), JSON.parse(events[0]!.data))).toEqual([]);
    for (const event of events.slice(1)) {
      expect(validate(componentPointer("DeliverySummary"), JSON.parse(event.data))).toEqual([]);
    }

    const har = await fetch(`${server.baseUrl}/api/bins/${id}/export?format=har&method=POST`);
    expect(har.status).toBe(200);
    expect(har.headers.get("content-type")).toMatch(/^application\/json/);
    const harBody = await har.json();
    expect(harBody.log.entries).toHaveLength(4);
    expect(validate(documentedSchema("get", "/api/bins/{id}/export", 200), harBody)).toEqual([]);
    const jsonl = await fetch(`${server.baseUrl}/api/bins/${id}/export?format=jsonl`);
    expect(jsonl.headers.get("content-type")).toMatch(/^application\/x-ndjson/);
    documentedSchema("get", "/api/bins/{id}/export", 200, "application/x-ndjson");
    const lines = (await jsonl.text()).trimEnd().split("\n");
    expect(lines).toHaveLength(4);
    for (const line of lines) {
      expect(validate(componentPointer("DeliveryExportRecord"), JSON.parse(line))).toEqual([]);
    }
    await check("get", "/api/bins/{id}/export", `/api/bins/${id}/export?format=xml`, 400);

    const stats = await check(
      "get",
      "/api/bins/{id}/stats",
      `/api/bins/${id}/stats?window=1h`,
      200,
    );
    expect(stats).toMatchObject({ total: 4, retries: { analyses: 1, retries: 1 } });
    await check("get", "/api/bins/{id}/stats", `/api/bins/${id}/stats?window=1y`, 400);
    await check("get", "/api/bins/{id}/stats", "/api/bins/no-such-bin-here/stats", 404);

    const samples = "/api/bins/{id}/samples";
    await check("post", samples, `/api/bins/${id}/samples`, 201, {
      headers: jsonHeaders,
      body: JSON.stringify({ kind: "completed" }),
    });
    await check("post", samples, `/api/bins/${id}/samples`, 400, {
      headers: jsonHeaders,
      body: "{",
    });
    await check("post", samples, `/api/bins/${id}/samples`, 201, {
      headers: { ...owner, ...jsonHeaders },
      body: JSON.stringify({ kind: "duplicate" }),
    });
    await check("post", samples, `/api/bins/${id}/samples`, 403, {
      headers: { Authorization: "Bearer not-the-owner", ...jsonHeaders },
      body: JSON.stringify({ kind: "completed" }),
    });
    await check("post", samples, `/api/bins/${id}/samples`, 413, {
      headers: jsonHeaders,
      body: JSON.stringify({ kind: "completed", padding: "x".repeat(5000) }),
    });
    const empty = await check("post", "/api/bins", "/api/bins", 201);
    await check("post", samples, `/api/bins/${empty.id as string}/samples`, 409, {
      headers: jsonHeaders,
      body: JSON.stringify({ kind: "duplicate" }),
    });

    // Claim a bin that a first delivery created.
    await capture("openapi-claimable", "", "hello");
    await check("post", "/api/bins/{id}/claim", "/api/bins/openapi-claimable/claim", 201);
    await check("post", "/api/bins/{id}/claim", "/api/bins/openapi-claimable/claim", 409);
    await check("post", "/api/bins/{id}/claim", "/api/bins/openapi-never-claimable/claim", 404);

    await check("get", "/api/bins/{id}", "/api/bins/no-such-bin-here", 404);
    await check("get", "/api/bins/{id}", "/api/bins/bad.id", 400);
    await check("get", "/api/health", "/api/health", 200);
    await check("get", "/api/ready", "/api/ready", 200);
    await check("get", "/api/openapi.json", "/api/openapi.json", 200);

    // Owner-only deletes: refused without the right token, then done.
    await check("delete", detailPath, `/api/bins/${id}/deliveries/${binary.deliveryId}`, 401);
    await check("delete", detailPath, `/api/bins/${id}/deliveries/${binary.deliveryId}`, 403, {
      headers: { Authorization: "Bearer not-the-token" },
    });
    await check("delete", detailPath, `/api/bins/${id}/deliveries/${binary.deliveryId}`, 204, {
      headers: owner,
    });
    await check("delete", "/api/bins/{id}/deliveries", `/api/bins/${id}/deliveries`, 204, {
      headers: { Cookie: `we_owner_${id}=${ownerToken}` },
    });
    await check("delete", "/api/bins/{id}", `/api/bins/${id}`, 204, { headers: owner });
    await check("get", "/api/bins/{id}", `/api/bins/${id}`, 404);
  });
});

describe("OpenAPI document: response rules, chaos and gone", () => {
  it("settings with rules/chaos/gone, rule and chaos answers, and the recorded reason", async () => {
    const { id, owner } = await createCheckedBin();
    // PUT settings as the owner, checked against the document.
    const putSettings = (status: number, settings: unknown) =>
      check("put", "/api/bins/{id}/settings", `/api/bins/${id}/settings`, status, {
        headers: { ...owner, ...jsonHeaders },
        body: JSON.stringify(settings),
      });
    const saved = await putSettings(200, {
      rules: [
        { when: { path: "/teapot", header: { name: "x-a" } }, response: { status: 418 } },
        {
          when: { method: "post", json: { path: "$.kind", equals: "ok" } },
          response: { status: 202, body: "fine" },
        },
      ],
      chaos: { failureRate: 0 },
      gone: false,
    });
    expect(saved).toMatchObject({ chaos: { statuses: [500, 503, 429] }, gone: false });
    await putSettings(400, { rules: [{ when: { path: "x" }, response: {} }] });
    await putSettings(400, { chaos: { failureRate: 0.5, statuses: [200] } });
    const view = await check("get", "/api/bins/{id}", `/api/bins/${id}`, 200);
    expect(view.rules).toHaveLength(2);

    const ruled = await capture(id, "/teapot", "x", { "X-A": "1" });
    expect(ruled.status).toBe(418);
    expect(ruled.answer).toMatchObject({ reason: "rule", rule: 1 });
    const detail = await checkDetail(id, ruled.deliveryId);
    expect(detail.response).toMatchObject({ reason: "rule", rule: 1, status: 418 });

    await putSettings(200, { chaos: { failureRate: 1, statuses: [429] } });
    const chaotic = await capture(id, "", "y");
    expect(chaotic.status).toBe(429);
    expect(chaotic.answer).toMatchObject({ reason: "chaos", simulated: true });
    await putSettings(200, { gone: true });
    const gone = await capture(id, "", "z");
    expect(gone.status).toBe(410);
    const goneDetail = await checkDetail(id, gone.deliveryId);
    expect(goneDetail.response).toMatchObject({ reason: "gone", status: 410 });
  });
});

describe("OpenAPI document: forward --respond answers match", () => {
  it("the respond stream, a held capture, and POST .../deliveries/{deliveryId}/response", async () => {
    const { id, owner } = await createCheckedBin();
    const eventsPath = "/api/bins/{id}/events";
    await check("get", eventsPath, `/api/bins/${id}/events?respond=1`, 401);
    await check("get", eventsPath, `/api/bins/${id}/events?respond=1`, 403, {
      headers: { Authorization: "Bearer not-the-owner" },
    });
    const controller = new AbortController();
    const stream = await fetch(`${server.baseUrl}/api/bins/${id}/events?respond=1`, {
      headers: owner,
      signal: controller.signal,
    });
    expect(stream.status).toBe(200);
    try {
      const shown = await check("get", "/api/bins/{id}", `/api/bins/${id}`, 200);
      expect(shown.forwardResponding).toBe(true);
      const held = fetch(`${server.baseUrl}/echo/${id}/hook`, { method: "POST", body: "x" });
      let deliveryId = "";
      while (!deliveryId) {
        const page = await check(
          "get",
          "/api/bins/{id}/deliveries",
          `/api/bins/${id}/deliveries`,
          200,
        );
        deliveryId = (page.deliveries as Array<{ id: string }>)[0]?.id ?? "";
      }
      const answerPath = "/api/bins/{id}/deliveries/{deliveryId}/response";
      const url = `/api/bins/${id}/deliveries/${deliveryId}/response`;
      const answer = JSON.stringify({
        status: 202,
        headers: [["X-Local", "1"]],
        bodyBase64: Buffer.from("ok").toString("base64"),
      });
      await check("post", answerPath, url, 401, { headers: jsonHeaders, body: answer });
      await check("post", answerPath, url, 403, {
        headers: { Authorization: "Bearer not-the-owner", ...jsonHeaders },
        body: answer,
      });
      await check("post", answerPath, url, 400, {
        headers: { ...owner, ...jsonHeaders },
        body: JSON.stringify({ status: 99 }),
      });
      await check("post", answerPath, url, 413, {
        headers: { ...owner, ...jsonHeaders },
        body: JSON.stringify({
          status: 200,
          headers: [],
          bodyBase64: Buffer.alloc(300 * 1024).toString("base64"),
        }),
      });
      await check("post", answerPath, url, 200, {
        headers: { ...owner, ...jsonHeaders },
        body: answer,
      });
      expect((await held).status).toBe(202);
      await check("post", answerPath, url, 409, {
        headers: { ...owner, ...jsonHeaders },
        body: answer,
      });
      await check(
        "post",
        answerPath,
        `/api/bins/${id}/deliveries/${"0".repeat(8)}-0000-7000-8000-${"0".repeat(12)}/response`,
        404,
        {
          headers: { ...owner, ...jsonHeaders },
          body: answer,
        },
      );
      const detail = await check(
        "get",
        "/api/bins/{id}/deliveries/{deliveryId}",
        `/api/bins/${id}/deliveries/${deliveryId}`,
        200,
      );
      expect(detail.response).toMatchObject({ reason: "forwarded", status: 202 });
    } finally {
      controller.abort();
    }
  });
});

describe("/docs", () => {
  it("renders every path and operation of the document", async () => {
    const response = await fetch(`${server.baseUrl}/docs`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await response.text();
    for (const [apiPath, item] of Object.entries(document.paths)) {
      expect(html, apiPath).toContain(apiPath);
      for (const operation of Object.values(item)) {
        expect(html, operation.operationId).toContain(`id="${operation.operationId}"`);
      }
    }
    for (const tag of document.tags) expect(html).toContain(tag.description);
    expect(html).toContain("DeliverySummary");
    expect(html).toContain("ownerDetail");
  });
});
