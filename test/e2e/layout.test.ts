import { createHmac } from "node:crypto";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { setupBrowserSuite } from "@/test/support/setup-browser-suite";
import {
  newPage,
  openOwnedBin,
  rowSelector,
  sendDelivery,
  setFailFirst,
  setWebhookSecret,
  shownDeliveryId,
  waitForText,
} from "@/test/e2e/support";

const suite = setupBrowserSuite();

const DESKTOP = { viewport: { width: 1440, height: 900 } };
const PHONE = { viewport: { width: 390, height: 844 } };

const analysis = (id: string) =>
  JSON.stringify({
    id,
    object: "analysis",
    status: "completed",
    call: { agent_id: "agent_7" },
    transcript: {
      text: "Hello there. ".repeat(40),
      segments: Array.from({ length: 30 }, (_, i) => ({
        speaker: i % 2 ? "customer" : "agent",
        text: `Line ${i} of a long call`,
        start: i,
        end: i + 0.9,
      })),
    },
  });

/** How tall the document is against the window, and whether the window itself scrolled. */
async function pageMetrics(page: Page) {
  return page.evaluate(() => ({
    scrollHeight: document.scrollingElement!.scrollHeight,
    scrollWidth: document.scrollingElement!.scrollWidth,
    innerHeight: window.innerHeight,
    innerWidth: window.innerWidth,
    scrollY: window.scrollY,
  }));
}

/** Real wheel events over an element until it cannot scroll further (or 40 turns). */
async function wheelToEnd(page: Page, testId: string): Promise<number> {
  const box = (await page.getByTestId(testId).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  let previous = -1;
  for (let turn = 0; turn < 40; turn++) {
    await page.mouse.wheel(0, 2000);
    await page.waitForTimeout(50);
    const top = await page.getByTestId(testId).evaluate((element) => element.scrollTop);
    if (top === previous) break;
    previous = top;
  }
  // One more turn at the end: a page that chains scrolling would move now.
  await page.mouse.wheel(0, 2000);
  await page.waitForTimeout(100);
  return previous;
}

async function expectPageNeverScrolls(page: Page) {
  const metrics = await pageMetrics(page);
  expect(metrics.scrollHeight, JSON.stringify(metrics)).toBeLessThanOrEqual(metrics.innerHeight);
  expect(metrics.scrollY).toBe(0);
}

/** The text of the detail's section headings, top to bottom. */
async function sectionTitles(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid="delivery-detail"] section > div > h3')
    .evaluateAll((headings) => headings.map((heading) => heading.textContent ?? ""));
}

describe("layout", () => {
  it("the page never scrolls on desktop: one delivery open, list and detail wheeled to the end", async () => {
    const { page, echoUrl } = await openOwnedBin({ ...suite, options: DESKTOP });
    await sendDelivery(echoUrl, {
      path: "/webhooks/analysis",
      headers: { "Content-Type": "application/json" },
      body: analysis("an_layout"),
    });
    await page.getByTestId("delivery-detail").waitFor();
    await expectPageNeverScrolls(page);
    expect(await wheelToEnd(page, "detail-scroller")).toBeGreaterThan(0);
    await expectPageNeverScrolls(page);
    await wheelToEnd(page, "delivery-list");
    await expectPageNeverScrolls(page);
    // The header stayed in view.
    expect((await page.getByTestId("bin-header").boundingBox())!.y).toBe(0);
    await page.context().close();
  });

  it("the page never scrolls with 300 rows, after wheeling the list to its end", async () => {
    const echoUrl = `${suite.server.baseUrl}/echo/e2e-layout-300`;
    for (let batch = 0; batch < 15; batch++) {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          sendDelivery(echoUrl, { path: `/n/${batch * 20 + i}`, body: `n=${batch * 20 + i}` }),
        ),
      );
    }
    const page = await newPage(suite.browser, DESKTOP);
    await page.goto(`${suite.server.baseUrl}/view/e2e-layout-300`);
    await page.getByTestId("delivery-detail").waitFor();
    await expectPageNeverScrolls(page);
    expect(await wheelToEnd(page, "delivery-list")).toBeGreaterThan(0);
    await expectPageNeverScrolls(page);
    // Whatever the list loaded while scrolling, the document stays the window's height.
    await wheelToEnd(page, "delivery-list");
    await wheelToEnd(page, "detail-scroller");
    await expectPageNeverScrolls(page);
    await page.context().close();
  });

  it("shows the whole echo URL with a simulation active, keeps the bar one row, links the docs", async () => {
    const { page, echoUrl } = await openOwnedBin({ ...suite, options: DESKTOP });
    await setFailFirst(page, 2, 503);
    await waitForText(page, '[data-testid="response-summary"]', ["Simulating", "fail-first 2×503"]);
    const url = page.getByTestId("echo-url");
    expect((await url.textContent())?.trim()).toBe(echoUrl);
    const fits = await url.evaluate((element) => ({
      scrollWidth: element.scrollWidth,
      clientWidth: element.clientWidth,
      right: element.getBoundingClientRect().right,
      overflow: getComputedStyle(element).textOverflow,
    }));
    expect(fits.scrollWidth).toBeLessThanOrEqual(fits.clientWidth);
    expect(fits.right).toBeLessThanOrEqual(1440);
    expect(fits.overflow).not.toBe("ellipsis");
    // One row: every item of the bar starts at the same height.
    const tops = await page
      .getByTestId("bin-header-bar")
      .evaluate((bar) => [...bar.children].map((child) => child.getBoundingClientRect().top));
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(12);

    // On a phone the URL wraps inside the window rather than being cut or widening the page.
    await page.setViewportSize(PHONE.viewport);
    const phone = await url.evaluate((element) => ({
      scrollWidth: element.scrollWidth,
      clientWidth: element.clientWidth,
      right: element.getBoundingClientRect().right,
    }));
    expect(phone.scrollWidth).toBeLessThanOrEqual(phone.clientWidth);
    expect(phone.right).toBeLessThanOrEqual(390);
    const metrics = await pageMetrics(page);
    expect(metrics.scrollWidth).toBeLessThanOrEqual(metrics.innerWidth);
    await page.setViewportSize(DESKTOP.viewport);

    await page.getByTestId("docs-link").click();
    await page.waitForURL(`${suite.server.baseUrl}/docs`);
    await page.locator("h1").waitFor();
    await page.context().close();
  });

  it("Create lands on the new bin's view; the skip link moves focus to the main content", async () => {
    const page = await newPage(suite.browser, DESKTOP);
    await page.goto(suite.server.baseUrl + "/");
    expect(await page.getByTestId("docs-link").getAttribute("href")).toBe("/docs");
    await page.getByTestId("create-bin").click();
    await page.waitForURL(/\/view\/[A-Za-z0-9_-]{22}$/);
    await page.getByTestId("empty-state").waitFor();
    // From a fresh load, the first Tab reaches the skip link.
    await page.reload();
    await page.getByTestId("empty-state").waitFor();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      "Skip to main content",
    );
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement?.id === "main");
    await page.context().close();
  });
});

describe("detail and the fixes of issue 15 point 7", () => {
  it("reads request line, headers, query, signature, body (Analysis first), response, retries, replay", async () => {
    const { page, echoUrl } = await openOwnedBin({ ...suite, options: DESKTOP });
    await setFailFirst(page, 1, 503);
    const body = analysis("an_order");
    const first = await fetch(`${echoUrl}/webhooks/analysis?try=1`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body,
    });
    // A simulated failure says so; it is never the success receipt.
    expect(first.status).toBe(503);
    const failure = (await first.json()) as Record<string, unknown>;
    expect(failure).not.toHaveProperty("received");
    expect(failure).toMatchObject({ simulated: true, error: "simulated_failure", status: 503 });
    expect(failure.message).toMatch(/^Simulated 503 .*fail-first/);
    const second = await sendDelivery(`${echoUrl}/webhooks/analysis?try=2`, {
      headers: { "Content-Type": "application/json" },
      body,
    });
    await page.locator(rowSelector(second)).click();
    await shownDeliveryId(page, String(first.headers.get("x-delivery-id")));
    await page.getByTestId("retry-timeline").waitFor();
    expect(await sectionTitles(page)).toEqual([
      expect.stringMatching(/^Headers \(\d+\)$/),
      "Query parameters (1)",
      "Signature",
      // About the body, and pointing into it: right above it.
      "Schema conformance",
      "Body",
      "Our response",
      "Deliveries of this analysis (2)",
      "Replay",
    ]);
    // The request line is above all sections.
    const line = await page.locator('[data-testid="delivery-detail"] h2').boundingBox();
    const headers = await page.getByTestId("headers-table").boundingBox();
    expect(line!.y).toBeLessThan(headers!.y);
    expect(await page.getByRole("tab").first().getAttribute("data-testid")).toBe("analysis-tab");

    // The failed attempt's recorded answer reads as simulated too.
    await page.locator(rowSelector(first.headers.get("x-delivery-id")!)).click();
    await waitForText(page, '[data-testid="sent-response-body"]', ["simulated_failure"]);

    // "Send sample analysis" answered 503 by the simulation: the hint says why.
    await page.getByTestId("send-sample").click();
    await waitForText(page, '[data-testid="send-sample-result"]', ["answered 503"]);
    await waitForText(page, '[data-testid="send-sample-hint"]', ["simulation", "Settings"]);
    await page.context().close();
  });

  it("unsigned before a secret, no stale timestamp for CallCov, distinct secret input names", async () => {
    const { page, echoUrl } = await openOwnedBin({ ...suite, options: DESKTOP });
    const plain = await sendDelivery(echoUrl, { body: "hello" });
    await page.locator(rowSelector(plain)).waitFor();
    const badge = page.locator(`${rowSelector(plain)} [data-testid="signature-badge"]`);
    expect((await badge.textContent())?.replace("Signature: ", "")).toBe("unsigned");
    await waitForText(page, '[data-testid="signature-explanation"]', ["Unsigned"]);

    await setWebhookSecret(page, "whsec_layout-secret");
    const body = JSON.stringify({ id: "an_bad", object: "analysis", status: "completed" });
    const bad = await sendDelivery(echoUrl, {
      path: "/webhooks/analysis",
      headers: {
        "Content-Type": "application/json",
        "X-CallCov-Signature": createHmac("sha256", "another-secret").update(body).digest("hex"),
      },
      body,
    });
    await page.locator(rowSelector(bad)).click();
    await shownDeliveryId(page, plain);
    const explanation = await waitForText(page, '[data-testid="signature-explanation"]', [
      "The CallCov signature does not match",
      "a changed body",
    ]);
    expect(explanation).not.toMatch(/timestamp/i);

    // The bin's secret and the private check: two inputs, two names.
    await page.getByTestId("open-settings").click();
    await page.getByTestId("owner-settings").waitFor();
    const names = await page
      .locator('input[type="password"]')
      .evaluateAll((inputs) =>
        inputs.map((input) => (input as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? ""),
      );
    expect(names).toHaveLength(2);
    expect(new Set(names).size).toBe(2);
    for (const name of names) expect(name).not.toBe("Webhook secret");
    await page.context().close();
  });
});
