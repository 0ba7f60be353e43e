import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { setupBrowserSuite } from "@/test/support/setup-browser-suite";
import { newPage, sendDelivery, waitForText } from "@/test/e2e/support";

const suite = setupBrowserSuite();
const SECRET = "whsec_deep-link-secret";
const BODY = JSON.stringify({ note: "deep-link-snippet-7f3a", items: [1, 2, 3] });

/** The server-rendered detail pane of the HTML (not the data React carries in scripts). */
function renderedDetail(html: string, deliveryId: string): string {
  const at = html.indexOf('data-testid="delivery-detail"');
  expect(at, "the detail pane is in the HTML").toBeGreaterThan(0);
  const pane = html.slice(html.lastIndexOf("<article", at), html.indexOf("</article>", at));
  expect(pane).toContain(`data-delivery-id="${deliveryId}"`);
  return pane;
}

describe("deep links", () => {
  it("/view/<id>/<deliveryId> has the delivery in the first HTML, and Chromium shows it at first paint", async () => {
    const created = await fetch(`${suite.server.baseUrl}/api/bins`, { method: "POST" });
    const bin = (await created.json()) as { id: string; echoUrl: string; ownerToken: string };
    const deliveryId = await sendDelivery(bin.echoUrl, {
      method: "PUT",
      path: "/orders/42?expand=items",
      headers: { "Content-Type": "application/json", "X-Deep-Link-Check": "header-value-91" },
      body: BODY,
    });
    const url = `${suite.server.baseUrl}/view/${bin.id}/${deliveryId}`;

    // No JavaScript at all: a plain GET.
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toMatch(/'nonce-/);
    const detail = renderedDetail(await response.text(), deliveryId);
    expect(detail).not.toContain('aria-busy="true"');
    for (const fragment of [
      "PUT",
      "/orders/42",
      "expand=items",
      "X-Deep-Link-Check",
      "header-value-91",
      "deep-link-snippet-7f3a",
    ]) {
      expect(detail, fragment).toContain(fragment);
    }

    // Chromium: the body text is there when the document is parsed, before any script ran,
    // and a browser without JavaScript shows it too.
    const page = await newPage(suite.browser);
    await page.goto(url, { waitUntil: "domcontentloaded" });
    const atParse = await page.evaluate((id) => {
      const pane = document.querySelector(
        `[data-testid="delivery-detail"][data-delivery-id="${id}"]`,
      );
      return {
        text: pane?.textContent ?? "",
        skeleton: document.querySelector('[aria-busy="true"]') !== null,
      };
    }, deliveryId);
    expect(atParse.text).toContain("deep-link-snippet-7f3a");
    expect(atParse.text).toContain("header-value-91");
    expect(atParse.skeleton).toBe(false);
    // Hydration keeps it (no refetch flash into a skeleton).
    await waitForText(page, '[data-testid="live-status"]', ["Live"]);
    expect(await page.getByTestId("delivery-detail").innerText()).toContain(
      "deep-link-snippet-7f3a",
    );

    const noScript = await suite.browser.newContext({ javaScriptEnabled: false });
    const staticPage = await noScript.newPage();
    await staticPage.goto(url);
    expect(await staticPage.getByTestId("delivery-detail").innerText()).toContain(
      "header-value-91",
    );
    await noScript.close();
  });

  it("a viewer's deep link never carries the owner's expected signature; the owner's does", async () => {
    const created = await fetch(`${suite.server.baseUrl}/api/bins`, { method: "POST" });
    const bin = (await created.json()) as { id: string; echoUrl: string; ownerToken: string };
    const saved = await fetch(`${suite.server.baseUrl}/api/bins/${bin.id}/settings`, {
      method: "PUT",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${bin.ownerToken}` },
      body: JSON.stringify({ webhookSecret: SECRET }),
    });
    expect(saved.status).toBe(200);
    const expected = createHmac("sha256", SECRET).update(BODY).digest("hex");
    const deliveryId = await sendDelivery(bin.echoUrl, {
      path: "/webhooks/analysis",
      headers: { "Content-Type": "application/json", "X-CallCov-Signature": "0".repeat(64) },
      body: BODY,
    });
    const url = `${suite.server.baseUrl}/view/${bin.id}/${deliveryId}`;
    const viewer = await (await fetch(url)).text();
    expect(renderedDetail(viewer, deliveryId)).toContain("deep-link-snippet-7f3a");
    expect(viewer).not.toContain(expected);
    const owner = await (
      await fetch(url, { headers: { Cookie: `we_owner_${bin.id}=${bin.ownerToken}` } })
    ).text();
    expect(owner).toContain(expected);
  });

  it("an unknown delivery id or a large body still opens (the browser loads the detail)", async () => {
    const created = await fetch(`${suite.server.baseUrl}/api/bins`, { method: "POST" });
    const bin = (await created.json()) as { id: string; echoUrl: string };
    const large = JSON.stringify({ pad: "x".repeat(300 * 1024) });
    const largeId = await sendDelivery(bin.echoUrl, {
      headers: { "Content-Type": "application/json", "X-Large-Marker": "large-marker-5c" },
      body: large,
    });
    // Not inlined: the page stays small and the browser fetches the detail.
    const html = await (await fetch(`${suite.server.baseUrl}/view/${bin.id}/${largeId}`)).text();
    expect(html.length).toBeLessThan(200 * 1024);
    const page = await newPage(suite.browser);
    await page.goto(`${suite.server.baseUrl}/view/${bin.id}/${largeId}`);
    await waitForText(page, '[data-testid="delivery-detail"]', ["large-marker-5c"]);

    const unknown = await fetch(
      `${suite.server.baseUrl}/view/${bin.id}/0190f0e4-7a4b-7c3d-8e5f-123456789abc`,
    );
    expect(unknown.status).toBe(200);
    await page.goto(`${suite.server.baseUrl}/view/${bin.id}/0190f0e4-7a4b-7c3d-8e5f-123456789abc`);
    await waitForText(page, "[role=alert]", ["does not exist"]);
  });

  it("a hostile body in the server-rendered detail is text, in the HTML and in the browser", async () => {
    const created = await fetch(`${suite.server.baseUrl}/api/bins`, { method: "POST" });
    const bin = (await created.json()) as { id: string; echoUrl: string };
    const hostile = '</script><script>window.__xss=1</script><img src=x onerror="window.__xss=1">';
    const deliveryId = await sendDelivery(bin.echoUrl, {
      headers: { "Content-Type": "text/html" },
      body: hostile,
    });
    const url = `${suite.server.baseUrl}/view/${bin.id}/${deliveryId}`;
    const pane = renderedDetail(await (await fetch(url)).text(), deliveryId);
    expect(pane).toContain("&lt;/script&gt;&lt;script&gt;window.__xss=1");
    expect(pane).not.toContain("<script");
    expect(pane).not.toContain("<img");
    const page = await newPage(suite.browser);
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(url);
    await waitForText(page, '[data-testid="live-status"]', ["Live"]);
    expect(await page.getByTestId("delivery-detail").innerText()).toContain(
      "<script>window.__xss=1</script>",
    );
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(await page.locator('[data-testid="delivery-detail"] img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.context().close();
  });
});
