import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupBrowserSuite } from "@/test/support/setup-browser-suite";
import { startWebhookReceiver, type WebhookReceiver } from "@/test/support/start-webhook-receiver";
import { newPage, rowSelector, sendDelivery, waitForText } from "@/test/e2e/support";

const suite = setupBrowserSuite();
let receiver: WebhookReceiver;
const binId = "e2e-replay";

// The replays the receiver took in, without the browser's CORS preflights.
const received = () => receiver.requests.filter((request) => request.method !== "OPTIONS");

beforeAll(async () => {
  // A local webhook consumer that allows cross-origin calls (except under /nocors).
  receiver = await startWebhookReceiver({
    answer: (request) => {
      const cors: Record<string, string> = request.url.startsWith("/nocors")
        ? {}
        : {
            "Access-Control-Allow-Origin": "*",
            "Access-Control-Allow-Methods": "GET, POST, PUT, PATCH, DELETE",
            "Access-Control-Allow-Headers":
              request.headers["access-control-request-headers"] ?? "*",
            "Access-Control-Max-Age": "0",
          };
      if (request.method === "OPTIONS") return { status: 204, headers: cors };
      return {
        status: 202,
        headers: { ...cors, "Content-Type": "text/plain" },
        body: `accepted ${received().length}`,
      };
    },
  });
});
afterAll(async () => {
  await receiver?.close();
});

const detail = (id: string) => `[data-testid="delivery-detail"][data-delivery-id="${id}"]`;

async function replay(page: Page, id: string, url: string) {
  await page.locator(rowSelector(id)).click();
  await page.locator(detail(id)).waitFor();
  await page.getByTestId("replay-url").fill(url);
  await page.getByTestId("replay-send").click();
  await page.getByTestId("replay-result").waitFor();
}

describe("replay and export", () => {
  it("replays deliveries from the browser byte-exact and explains CORS failures", async () => {
    const echoUrl = `${suite.server.baseUrl}/echo/${binId}`;
    const jsonBody = Buffer.from('{"text":"café ☕ naïve","crlf":"a\\r\\nb"}\r\n', "utf8");
    const json = await sendDelivery(echoUrl, {
      path: "/webhooks",
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "X-CallCov-Signature": "abc123",
        "X-Trace": "t-1",
      },
      body: new Uint8Array(jsonBody),
    });
    const bytes = new Uint8Array(256).map((_, index) => index);
    const binary = await sendDelivery(echoUrl, {
      method: "PUT",
      path: "/upload",
      headers: { "Content-Type": "application/octet-stream" },
      body: bytes,
    });

    const page = await newPage(suite.browser);
    await page.goto(`${suite.server.baseUrl}/view/${binId}`);
    await replay(page, json, `${receiver.url}/hook?x=1`);
    const result = page.getByTestId("replay-result");
    expect(await result.getAttribute("data-status")).toBe("ok");
    expect(await result.getAttribute("data-http-status")).toBe("202");
    await waitForText(page, '[data-testid="replay-result"]', ["202", "ms", "accepted 1"]);
    expect(received()).toHaveLength(1);
    expect(received()[0]!.method).toBe("POST");
    expect(received()[0]!.url).toBe("/hook?x=1");
    expect(received()[0]!.body.equals(jsonBody)).toBe(true);
    expect(received()[0]!.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(received()[0]!.headers["x-callcov-signature"]).toBe("abc123");
    expect(received()[0]!.headers["x-trace"]).toBe("t-1");
    // What the browser may not send is named, with why.
    await waitForText(page, '[data-testid="replay-dropped"]', [
      "host",
      "content-length",
      "connection",
    ]);

    // Binary bodies go out unchanged too, with the original method.
    await replay(page, binary, `${receiver.url}/bytes`);
    await page.locator('[data-testid="replay-result"][data-http-status="202"]').waitFor();
    expect(received()[1]!.method).toBe("PUT");
    expect(received()[1]!.body.equals(Buffer.from(bytes))).toBe(true);

    // A target without CORS: the answer cannot be read, and the page says why.
    await replay(page, json, `${receiver.url}/nocors`);
    await page.locator('[data-testid="replay-result"][data-status="error"]').waitFor();
    await waitForText(page, '[data-testid="replay-result"]', [
      "The browser blocked reading the answer (CORS) or the target is unreachable:",
    ]);
    await page.context().close();
  });

  it("exports the bin and the filtered selection as HAR and JSON lines downloads", async () => {
    const page = await newPage(suite.browser);
    await page.goto(`${suite.server.baseUrl}/view/${binId}`);
    const rows = page.getByTestId("delivery-row");
    await rows.first().waitFor();
    const total = await rows.count();
    expect(total).toBeGreaterThanOrEqual(2);

    const download = async (testId: string) => {
      await page.getByTestId("export-menu").click();
      const href = await page.getByTestId(testId).getAttribute("href");
      const [file] = await Promise.all([
        page.waitForEvent("download"),
        page.getByTestId(testId).click(),
      ]);
      const text = await readFile((await file.path())!, "utf8");
      return { href, name: file.suggestedFilename(), text };
    };

    const har = await download("export-har");
    expect(har.href).toBe(`/api/bins/${binId}/export?format=har`);
    expect(har.name).toMatch(new RegExp(`^webhook-echo-${binId}-.+\\.har$`));
    const log = (
      JSON.parse(har.text) as {
        log: { entries: Array<{ request: { method: string; url: string } }> };
      }
    ).log;
    expect(log.entries).toHaveLength(total);
    expect(log.entries.map((entry) => entry.request.method).sort()).toEqual(["POST", "PUT"]);
    expect(log.entries[0]!.request.url).toBe(`${suite.server.baseUrl}/echo/${binId}/upload`);

    // With a filter, the links carry it and the files hold only the matches.
    await page.getByTestId("filter-method").selectOption("PUT");
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="delivery-row"]').length === 1,
    );
    const jsonl = await download("export-jsonl");
    expect(jsonl.href).toBe(`/api/bins/${binId}/export?format=jsonl&method=PUT`);
    expect(jsonl.name).toMatch(/\.jsonl$/);
    const lines = jsonl.text
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { method: string; bodyBase64: string });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.method).toBe("PUT");
    expect(Buffer.from(lines[0]!.bodyBase64, "base64")).toEqual(
      Buffer.from(new Uint8Array(256).map((_, index) => index)),
    );

    // One delivery as JSON from the detail pane.
    const selected = await page
      .getByTestId("delivery-row")
      .first()
      .getAttribute("data-delivery-id");
    await page.locator(rowSelector(selected!)).click();
    await page.locator(detail(selected!)).waitFor();
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("download-json").click(),
    ]);
    expect(file.suggestedFilename()).toBe(`webhook-echo-delivery-${selected}.json`);
    const single = JSON.parse(await readFile((await file.path())!, "utf8")) as {
      id: string;
      method: string;
    };
    expect(single).toMatchObject({ id: selected, method: "PUT" });
    await page.context().close();
  });
});
