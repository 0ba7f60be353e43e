import path from "node:path";
import { describe, expect, it } from "vitest";
import { screenshotDir } from "@/test/support/launch-browser";
import { setupBrowserSuite } from "@/test/support/setup-browser-suite";
import {
  newPage,
  shownDeliveryId,
  rowSelector,
  sendDelivery,
  waitForText,
} from "@/test/e2e/support";

const suite = setupBrowserSuite();
const binId = "e2e-analysis";

const detail = (id: string) => `[data-testid="delivery-detail"][data-delivery-id="${id}"]`;

describe("CallCov analysis view", () => {
  it("sends samples and shows completed, failed and duplicate analyses", async () => {
    const page = await newPage(suite.browser);
    await page.goto(`${suite.server.baseUrl}/view/${binId}`);
    await page.getByTestId("empty-state").waitFor();
    await waitForText(page, '[data-testid="live-status"]', ["Live"]);

    // Completed sample: opens on the Analysis tab.
    await page.getByTestId("send-sample").click();
    const completed = await shownDeliveryId(page, null);
    await page.waitForURL(`${suite.server.baseUrl}/view/${binId}/${completed}`);
    const view = `${detail(completed)} [data-testid="analysis-view"]`;
    await page.locator(view).waitFor();
    expect(await page.getByTestId("analysis-tab").getAttribute("aria-selected")).toBe("true");
    expect(await page.getByTestId("analysis-status").getAttribute("data-status")).toBe("completed");
    await waitForText(page, view, [
      "agent_001",
      "customer_12345",
      "00:56",
      "wav",
      "https://s3.amazonaws.com/callcov/recordings/",
    ]);
    // The audio URL is text, never a link or a media element.
    expect(await page.locator(`${view} a, ${view} audio, ${view} video`).count()).toBe(0);
    const rows = page.getByTestId("transcript-row");
    expect(await rows.count()).toBe(8);
    expect(await rows.nth(0).getAttribute("data-role")).toBe("agent");
    expect(await rows.nth(1).getAttribute("data-role")).toBe("customer");
    expect(await rows.nth(1).innerText()).toContain("00:08–00:14");
    const cards = page.getByTestId("result-card");
    expect(await cards.count()).toBe(3);
    expect(await cards.allInnerTexts()).toEqual([
      expect.stringContaining("Compliance"),
      expect.stringContaining("Quality"),
      expect.stringContaining("Coaching"),
    ]);
    await waitForText(page, view, ["Recording disclosure", "92%", "Overall score", "87/100"]);
    expect(await page.getByTestId("result-pass-fail").first().getAttribute("data-passed")).toBe(
      "true",
    );

    // Searching filters and highlights with <mark> elements (text, not HTML).
    await page.getByTestId("transcript-search").fill("bill");
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="transcript-row"]').length === 3,
    );
    expect(await page.locator('[data-testid="transcript-row"] mark').allInnerTexts()).toEqual([
      "bill",
      "bill",
      "bill",
    ]);
    await waitForText(page, '[data-testid="transcript-count"]', ["3 of 8 segments match"]);
    await page.getByTestId("transcript-search").fill("");

    for (const colorScheme of ["light", "dark"] as const) {
      const shot = await newPage(suite.browser, {
        colorScheme,
        viewport: { width: 1280, height: 1100 },
      });
      await shot.goto(`${suite.server.baseUrl}/view/${binId}/${completed}?tab=analysis`);
      await shot.getByTestId("analysis-view").waitFor();
      await shot.getByTestId("result-card").first().waitFor();
      await shot.screenshot({ path: path.join(screenshotDir, `view-analysis-${colorScheme}.png`) });
      await shot.getByTestId("result-card").first().scrollIntoViewIfNeeded();
      await shot.screenshot({
        path: path.join(screenshotDir, `view-analysis-results-${colorScheme}.png`),
        fullPage: false,
      });
      await shot.context().close();
    }

    // Tabs update ?tab= in place; deep links open the named tab.
    await page.getByRole("tab", { name: "Raw" }).click();
    await page.waitForURL(`${suite.server.baseUrl}/view/${binId}/${completed}?tab=raw`);
    await page.goto(`${suite.server.baseUrl}/view/${binId}/${completed}?tab=raw`);
    await page.getByTestId("body-text").waitFor();
    expect(await page.getByTestId("analysis-view").count()).toBe(0);
    await page.getByTestId("analysis-tab").click();
    await page.waitForURL(`${suite.server.baseUrl}/view/${binId}/${completed}?tab=analysis`);
    await page.getByTestId("analysis-view").waitFor();

    // Failed sample: the error, no results.
    await waitForText(page, '[data-testid="live-status"]', ["Live"]);
    await page.getByTestId("send-sample-menu").click();
    await page.getByTestId("send-sample-failed").click();
    const failed = await shownDeliveryId(page, completed);
    await page.locator(`${detail(failed)} [data-testid="analysis-view"]`).waitFor();
    expect(await page.getByTestId("analysis-status").getAttribute("data-status")).toBe("failed");
    await waitForText(page, '[data-testid="analysis-error"]', [
      "Audio file could not be decoded: unsupported sample rate",
    ]);
    expect(await page.getByTestId("result-card").count()).toBe(0);
    expect(await page.getByTestId("transcript-row").count()).toBe(0);

    // Duplicate of the last sample (the failed one, answered 200): attempt 2, a duplicate.
    await page.getByTestId("send-sample-menu").click();
    // This page is a viewer's: the menu says their samples are unsigned, and why.
    await waitForText(page, '[data-testid="send-sample-unsigned-note"]', ["only the bin's owner"]);
    await page.getByTestId("send-sample-duplicate").click();
    const duplicate = await shownDeliveryId(page, failed);
    await page.locator(rowSelector(duplicate)).waitFor({ timeout: 10_000 });
    const chip = page.locator(`${rowSelector(duplicate)} [data-testid="attempt-chip"]`);
    expect(await chip.getAttribute("data-attempt")).toBe("2");
    expect(await chip.innerText()).toContain("duplicate");
    expect(
      await page
        .locator(`${rowSelector(duplicate)} [data-testid="row-response-status"]`)
        .innerText(),
    ).toContain("200");
    // The first attempt's row has no chip.
    expect(await page.locator(`${rowSelector(failed)} [data-testid="attempt-chip"]`).count()).toBe(
      0,
    );
    const timeline = page.locator(`${detail(duplicate)} [data-testid="retry-timeline-row"]`);
    await timeline.nth(1).waitFor();
    expect(await timeline.count()).toBe(2);
    expect(await timeline.nth(0).getAttribute("data-kind")).toBe("first");
    expect(await timeline.nth(1).getAttribute("data-kind")).toBe("duplicate");
    expect(await timeline.nth(1).innerText()).toContain("#2");
    expect(await timeline.nth(1).innerText()).toContain("200");

    // The failed delivery's open timeline gains the new attempt too.
    await page.locator(rowSelector(failed)).click();
    await page
      .locator(`${detail(failed)} [data-testid="retry-timeline-row"]`)
      .nth(1)
      .waitFor();
    await page.context().close();
  });

  it("keeps a 5,000-segment transcript fast by rendering only the rows in view", async () => {
    const segments = Array.from({ length: 5000 }, (_, index) => ({
      speaker: index % 3 === 2 ? "Supervisor" : index % 2 ? "Customer" : "Agent",
      text: `Segment number ${index} ${index % 7 === 0 ? "mentions the refund policy in some detail so that this row wraps onto more than one line of text in the pane" : "is short"}`,
      start: index * 2,
      end: index * 2 + 1.5,
    }));
    const id = await sendDelivery(`${suite.server.baseUrl}/echo/${binId}`, {
      path: "/long",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        id: "an_long",
        object: "analysis",
        created: 1767225600,
        status: "completed",
        transcript: { segments },
        results: { compliance: { passed: false } },
        extra: { region: "eu" },
      }),
    });
    const page = await newPage(suite.browser);
    const started = Date.now();
    await page.goto(`${suite.server.baseUrl}/view/${binId}/${id}`);
    await page.getByTestId("transcript-row").first().waitFor();
    expect(Date.now() - started).toBeLessThan(10_000);
    const rendered = await page.getByTestId("transcript-row").count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(80);
    await waitForText(page, '[data-testid="transcript-count"]', ["5,000 segments"]);
    // Other speakers get their own role; unknown fields are listed.
    expect(
      await page.locator('[data-testid="transcript-row"][data-role="other"]').count(),
    ).toBeGreaterThan(0);
    await waitForText(page, '[data-testid="other-fields"]', ["extra", '{"region":"eu"}']);

    // Scrolling to the end renders the last rows (and still only a window).
    const transcript = page.getByTestId("transcript");
    for (let i = 0; i < 5; i++) {
      await transcript.evaluate((element) => (element.scrollTop = element.scrollHeight));
      await page.waitForTimeout(100);
    }
    await waitForText(page, '[data-testid="transcript"]', ["Segment number 4999 is short"]);
    expect(await page.getByTestId("transcript-row").count()).toBeLessThan(80);

    await page.getByTestId("transcript-search").fill("number 4998");
    await waitForText(page, '[data-testid="transcript-count"]', ["1 of 5,000 segments match"]);
    expect(await page.getByTestId("transcript-row").count()).toBe(1);
    await page.context().close();
  });
});
