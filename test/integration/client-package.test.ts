import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runNodeProcess } from "@/test/support/run-node-process";
import { setupTestServer } from "@/test/support/setup-test-server";

const root = path.resolve(import.meta.dirname, "..", "..");
const context = setupTestServer();
let consumerDir: string;

// A project outside this repo with the package installed (as `npm install <path>` links it):
// plain Node ESM, no tsx, no `@/` paths.
beforeAll(async () => {
  consumerDir = await mkdtemp(path.join(os.tmpdir(), "webhook-echo-consumer-"));
  await mkdir(path.join(consumerDir, "node_modules"));
  await symlink(root, path.join(consumerDir, "node_modules", "webhook-echo"), "dir");
  await writeFile(
    path.join(consumerDir, "package.json"),
    JSON.stringify({ name: "consumer", private: true, type: "module" }),
  );
});
afterAll(async () => {
  await rm(consumerDir, { recursive: true, force: true });
});

const CONSUMER = `
import { createBin, openBin, WebhookEchoError } from "webhook-echo/client";

const server = process.argv[2];
const bin = await createBin({ server });
const steps = { created: { id: bin.id, echoUrl: bin.echoUrl, viewUrl: bin.viewUrl, hasToken: Boolean(bin.ownerToken) } };

// The sender fires before the test waits: after "start" still finds it (no race).
const send = (body, subpath = "") =>
  fetch(bin.echoUrl + subpath, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) })
    .then((response) => response.json());
await send({ status: "failed" });
const sent = await send({ status: "completed", analysis: { id: "an_42" } }, "/webhooks/analysis");

const delivery = await bin.waitForDelivery({ after: "start", match: { status: "completed", "analysis.id": "an_42" }, method: "POST", timeoutMs: 20000 });
steps.waited = { id: delivery.id, sentId: sent.deliveryId, path: delivery.path, body: JSON.parse(delivery.bodyText), headerCount: delivery.headers.length };

const listed = await bin.deliveries({ match: ["status=failed"] });
steps.listed = listed.map((d) => d.id);
steps.detail = (await openBin({ server, id: bin.id }).delivery(sent.deliveryId)).id;

try {
  await bin.waitForDelivery({ match: { status: "never" }, timeoutMs: 1000 });
  steps.timeout = "no error";
} catch (error) {
  steps.timeout = { isClientError: error instanceof WebhookEchoError, code: error.code, message: error.message };
}

try {
  await openBin({ server, id: bin.id }).delete();
} catch (error) {
  steps.deleteWithoutToken = error.code;
}
await bin.delete();
steps.afterDelete = (await fetch(server + "/api/bins/" + bin.id)).status;
console.log(JSON.stringify(steps));
`;

// Typed use, as a Vitest/Playwright test file written in TypeScript would import it.
const TYPED_CONSUMER = `
import { createBin, type DeliveryDetail, type WebhookEchoBin } from "webhook-echo/client";

const bin: WebhookEchoBin = await createBin({ server: "http://localhost:3000" });
const delivery: DeliveryDetail = await bin.waitForDelivery({
  match: { status: "completed" },
  signature: "valid",
  timeoutMs: 30_000,
});
const method: string = delivery.method;
const headers: Array<[string, string]> = delivery.headers;
// @ts-expect-error a signature verdict is one of the documented ones
await bin.waitForDelivery({ signature: "perhaps" });
export { method, headers };
`;

describe("webhook-echo/client from a plain Node ESM project", () => {
  it("create -> capture -> wait -> list -> detail -> timeout -> delete against the real server", async () => {
    await writeFile(path.join(consumerDir, "consumer.mjs"), CONSUMER);
    const result = await runNodeProcess({
      args: ["consumer.mjs", context.server.baseUrl],
      cwd: consumerDir,
    });
    expect(result.code, result.stderr).toBe(0);
    const steps = JSON.parse(result.stdout);
    expect(steps.created).toEqual({
      id: expect.any(String),
      echoUrl: `${context.server.baseUrl}/echo/${steps.created.id}`,
      viewUrl: `${context.server.baseUrl}/view/${steps.created.id}`,
      hasToken: true,
    });
    expect(steps.waited).toMatchObject({
      id: steps.waited.sentId,
      path: "/webhooks/analysis",
      body: { status: "completed", analysis: { id: "an_42" } },
    });
    expect(steps.waited.headerCount).toBeGreaterThan(0);
    expect(steps.listed).toHaveLength(1);
    expect(steps.detail).toBe(steps.waited.id);
    expect(steps.timeout).toMatchObject({ isClientError: true, code: "timeout" });
    expect(steps.timeout.message).toContain("within 1 s");
    expect(steps.deleteWithoutToken).toBe("unauthorized");
    expect(steps.afterDelete).toBe(404);
  });

  it("ships types a TypeScript test can use (tsc, NodeNext resolution)", async () => {
    await writeFile(path.join(consumerDir, "typed.mts"), TYPED_CONSUMER);
    const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");
    const result = await runNodeProcess({
      args: [
        tsc,
        "--noEmit",
        "--strict",
        "--skipLibCheck",
        "false",
        "--module",
        "nodenext",
        "--moduleResolution",
        "nodenext",
        "--target",
        "es2022",
        "--types",
        "node",
        "--typeRoots",
        path.join(root, "node_modules", "@types"),
        "typed.mts",
      ],
      cwd: consumerDir,
    });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.code).toBe(0);
  });
});
