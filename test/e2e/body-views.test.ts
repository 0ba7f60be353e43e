import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { setupBrowserSuite } from "@/test/support/setup-browser-suite";
import { newPage, sendDelivery, sendRawDelivery, waitForText } from "@/test/e2e/support";

const suite = setupBrowserSuite();
let page: Page;
const binId = "e2e-bodies";

beforeAll(async () => {
  page = await newPage(suite.browser);
});

const detail = (id: string) => `[data-testid="delivery-detail"][data-delivery-id="${id}"]`;

async function openDeepLink(deliveryId: string, search = "") {
  await page.goto(`${suite.server.baseUrl}/view/${binId}/${deliveryId}${search}`);
  await page.locator(detail(deliveryId)).waitFor();
}

describe("deep links and body views", () => {
  it("renders JSON as a lazy tree, with headers in order (duplicates kept) and query table", async () => {
    const json = {
      id: "an_8f2",
      object: "analysis",
      status: "completed",
      call: { agent_id: "agent_42", meta: { region: { code: "eu-west", deep: { hidden: "x" } } } },
      segments: Array.from({ length: 150 }, (_, i) => ({ n: i, speaker: "agent" })),
      flags: [true, false, null],
    };
    const body = JSON.stringify(json);
    const deliveryId = await sendRawDelivery({
      port: suite.server.port,
      head: [
        "POST /echo/e2e-bodies/webhooks/analysis?attempt=2&tag=a+b&tag=c%26d HTTP/1.1",
        "Content-Type: application/json",
        "X-Dup: first",
        "x-DUP: second",
        "X-CallCov-Signature: abc123",
      ],
      body,
    });
    // An analysis opens on its Analysis tab; ?tab=pretty deep-links to the JSON tree.
    await openDeepLink(deliveryId, "?tab=pretty");
    const tree = '[data-testid="json-tree"]';
    const text = await waitForText(page, tree, ['"id": "an_8f2"', '"agent_id": "agent_42"']);
    // Depth 3 and beyond starts collapsed; arrays over 100 items start collapsed too.
    expect(text).not.toContain('"hidden"');
    expect(text).toContain("150 items");
    await page.getByRole("button", { name: "Expand all" }).click();
    await waitForText(page, tree, ['"hidden": "x"']);
    // 150 expanded objects are too many rows to render at once: only the window is in the DOM.
    expect(await page.locator(tree).innerText()).not.toContain('"n": 99');
    const scrollToEnd = () =>
      page.locator(tree).evaluate((element) => (element.scrollTop = element.scrollHeight));
    await scrollToEnd();
    await waitForText(page, tree, ['"n": 99', "… 50 more", '"flags"']);
    expect(await page.locator(tree).innerText()).not.toContain('"n": 100');
    await page.getByRole("button", { name: "… 50 more" }).click();
    await scrollToEnd();
    await waitForText(page, tree, ['"n": 149']);
    await page.getByRole("button", { name: "Collapse all" }).click();
    expect(await page.locator(tree).innerText()).not.toContain('"agent_id"');

    // Raw tab shows the exact text.
    await page.getByRole("tab", { name: "Raw" }).click();
    expect(await page.getByTestId("body-text").textContent()).toBe(body);

    const headers = await page.getByTestId("headers-table").locator("tbody tr").allInnerTexts();
    const names = headers.map((row) => row.split("\t")[0]);
    expect(names.slice(0, 4)).toEqual(["Content-Type", "X-Dup", "x-DUP", "X-CallCov-Signature"]);
    expect(headers[1]).toContain("first");
    expect(headers[2]).toContain("second");

    const query = await page.getByTestId("query-table").locator("tbody tr").allInnerTexts();
    expect(query.map((row) => row.split("\t"))).toEqual([
      ["attempt", "2"],
      ["tag", "a b"],
      ["tag", "c&d"],
    ]);
    const request = await page.locator(detail(deliveryId)).locator("h2").innerText();
    expect(request).toContain("/echo/e2e-bodies/webhooks/analysis?attempt=2&tag=a+b&tag=c%26d");
    expect(await page.getByTestId("download-raw").getAttribute("href")).toBe(
      `/api/bins/${binId}/deliveries/${deliveryId}/raw`,
    );
    await page.getByTestId("copy-curl").waitFor();
    // The deep-linked row is selected in the list.
    const row = page.locator(`[data-testid="delivery-row"][data-delivery-id="${deliveryId}"]`);
    expect(await row.locator("button").getAttribute("aria-current")).toBe("true");
  });

  it("renders form bodies as a field table", async () => {
    const deliveryId = await sendDelivery(`${suite.server.baseUrl}/echo/${binId}`, {
      path: "/form",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "name=Ada+Lovelace&email=ada%40example.com&tag=x&tag=y%2Bz&empty=",
    });
    await openDeepLink(deliveryId);
    const rows = await page.getByTestId("form-table").locator("tbody tr").allInnerTexts();
    expect(rows.map((row) => row.split("\t"))).toEqual([
      ["name", "Ada Lovelace"],
      ["email", "ada@example.com"],
      ["tag", "x"],
      ["tag", "y+z"],
      ["empty", "empty"],
    ]);
  });

  it("renders multipart parts with their headers, text and file metadata", async () => {
    const boundary = "----e2eBoundary7MA4YWxk";
    const fileBytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 3]);
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="comment"\r\n\r\nHello multipart\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="upload"; filename="pixel.png"\r\n` +
          `Content-Type: image/png\r\n\r\n`,
      ),
      fileBytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const deliveryId = await sendDelivery(`${suite.server.baseUrl}/echo/${binId}`, {
      path: "/upload",
      headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` },
      body: new Uint8Array(body),
    });
    await openDeepLink(deliveryId);
    const parts = page.getByTestId("multipart-part");
    await parts.first().waitFor();
    expect(await parts.count()).toBe(2);
    const first = await parts.nth(0).innerText();
    expect(first).toContain("comment");
    expect(first).toContain("Hello multipart");
    const second = await parts.nth(1).innerText();
    expect(second).toContain("upload");
    expect(second).toContain("pixel.png");
    expect(second).toContain("image/png");
    expect(second).toContain("12 B");
    const download = page.waitForEvent("download");
    await parts.nth(1).getByRole("button", { name: "Download" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("pixel.png");
  });

  it("renders a body of thousands of parts or fields a page at a time, not all at once", async () => {
    // 20,000 parts froze the tab for ~14 s when every one was rendered.
    const boundary = "----e2eManyParts";
    const parts = Array.from(
      { length: 2_500 },
      (_, i) => `--${boundary}\r\nContent-Disposition: form-data; name="p${i}"\r\n\r\nv${i}\r\n`,
    );
    const multipartId = await sendDelivery(`${suite.server.baseUrl}/echo/${binId}`, {
      path: "/many-parts",
      headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` },
      body: `${parts.join("")}--${boundary}--\r\n`,
    });
    await openDeepLink(multipartId);
    const rendered = page.getByTestId("multipart-part");
    await rendered.first().waitFor();
    expect(await rendered.count()).toBe(100);
    const status = page.getByTestId("show-more-status");
    expect(await status.innerText()).toBe("Showing 100 of 2,500 parts.");
    await page.getByRole("button", { name: "Show 100 more" }).click();
    await waitForText(page, '[data-testid="show-more-status"]', ["Showing 200 of 2,500 parts."]);
    expect(await rendered.count()).toBe(200);
    expect(await rendered.nth(199).innerText()).toContain("p199");

    const fields = Array.from({ length: 1_200 }, (_, i) => `f${i}=${i}`).join("&");
    const formId = await sendDelivery(`${suite.server.baseUrl}/echo/${binId}`, {
      path: "/many-fields",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: fields,
    });
    await openDeepLink(formId);
    const rows = page.getByTestId("form-table").locator("tbody tr");
    await rows.first().waitFor();
    expect(await rows.count()).toBe(500);
    expect(await status.innerText()).toBe("Showing 500 of 1,200 fields.");
    await page.getByRole("button", { name: "Show 500 more" }).click();
    await page.getByRole("button", { name: "Show 200 more" }).click();
    await waitForText(page, '[data-testid="form-table"]', ["f1199"]);
    expect(await rows.count()).toBe(1_200);
    expect(await status.count()).toBe(0);
  });

  it("keeps a leading BOM in the text view (the bytes, byte-exact)", async () => {
    const deliveryId = await sendDelivery(`${suite.server.baseUrl}/echo/${binId}`, {
      path: "/bom",
      headers: { "Content-Type": "application/json" },
      body: new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('{"bom":1}')]),
    });
    await openDeepLink(deliveryId, "?tab=raw");
    const text = await page.getByTestId("body-text").textContent();
    expect(text).toBe('\uFEFF{"bom":1}');
  });

  it("renders binary bodies as a hex dump", async () => {
    const bytes = new Uint8Array(300).map((_, i) => i % 256);
    const deliveryId = await sendDelivery(`${suite.server.baseUrl}/echo/${binId}`, {
      path: "/bin",
      headers: { "Content-Type": "application/octet-stream" },
      body: bytes,
    });
    await openDeepLink(deliveryId);
    const dump = await page.getByTestId("hex-dump").innerText();
    expect(dump).toContain("00000000");
    expect(dump).toContain("00 01 02 03 04 05 06 07  08 09 0a 0b 0c 0d 0e 0f");
    expect(dump).toContain("00000120");
    expect(dump).toContain("20 21 22 23 24 25 26 27  28 29 2a 2b 2c 2d 2e 2f");
    expect(dump).toContain(" !\"#$%&'()*+,-./");
    // No text views for bytes that are not text; cURL needs the body file.
    expect(await page.getByRole("tab", { name: "Raw" }).count()).toBe(0);
    await page.getByRole("button", { name: "Download body.bin" }).waitFor();
  });
});
