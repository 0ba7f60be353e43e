import { describe, expect, it } from "vitest";
import { setupBrowserSuite } from "@/test/support/setup-browser-suite";
import { GUIDE_ANALYSIS } from "@/test/support/guide-analysis";
import { newPage, sendDelivery } from "@/test/e2e/support";

// A JSON bomb, a huge flat JSON and a 5,000-segment analysis must render what they can without
// freezing the page. Liveness, not speed: every wait below is a generous upper bound.
const suite = setupBrowserSuite();
const binId = "e2e-huge";

function echoUrl() {
  return `${suite.server.baseUrl}/echo/${binId}`;
}

async function openAndProbe(deliveryId: string, query = "") {
  const page = await newPage(suite.browser);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${suite.server.baseUrl}/view/${binId}/${deliveryId}${query}`);
  await page
    .locator(`[data-testid="delivery-detail"][data-delivery-id="${deliveryId}"]`)
    .waitFor({ timeout: 30_000 });
  // The main thread still answers and the page still reacts to input.
  expect(await page.evaluate(() => document.readyState)).toBe("complete");
  await page.mouse.wheel(0, 400);
  expect(await page.evaluate(() => 1 + 1)).toBe(2);
  return { page, errors };
}

describe("huge and hostile JSON in the viewer", () => {
  it("a JSON bomb (100,000 nested arrays) renders without freezing or crashing the page", async () => {
    const depth = 100_000;
    const id = await sendDelivery(echoUrl(), {
      headers: { "Content-Type": "application/json" },
      body: "[".repeat(depth) + "]".repeat(depth),
    });
    const { page, errors } = await openAndProbe(id);
    // Too deep to be a tree: shown as text, the raw bytes still downloadable.
    await page.getByTestId("download-raw").waitFor({ timeout: 30_000 });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("a 4 MB JSON array of 60,000 objects shows a collapsed, paged tree", async () => {
    const items = Array.from({ length: 60_000 }, (_, i) => ({
      index: i,
      name: `item-${i}`,
      tags: ["a", "b"],
    }));
    const id = await sendDelivery(echoUrl(), {
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(items),
    });
    const { page, errors } = await openAndProbe(id, "?tab=pretty");
    await page.getByTestId("json-tree").waitFor({ timeout: 30_000 });
    const rendered = await page.locator('[data-testid="json-tree"] *').count();
    // Windowed: far fewer elements than 60,000 items would need.
    expect(rendered).toBeLessThan(20_000);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("an analysis with 5,000 transcript segments opens on the Analysis tab and stays responsive", async () => {
    const segments = Array.from({ length: 5000 }, (_, i) => ({
      speaker: i % 2 ? "Customer" : "Agent",
      text: `Segment number ${i} of a very long call.`,
      start: i * 2,
      end: i * 2 + 1.5,
    }));
    const analysis = {
      ...GUIDE_ANALYSIS,
      id: "huge-analysis",
      transcript: { text: "…", segments },
    };
    const id = await sendDelivery(echoUrl(), {
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(analysis),
    });
    const { page, errors } = await openAndProbe(id);
    await page.getByTestId("analysis-view").waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("transcript-row").count()).toBeLessThan(500);
    await page.getByTestId("transcript-search").fill("number 4999");
    await page
      .getByTestId("transcript-row")
      .filter({ hasText: "Segment number 4999" })
      .first()
      .waitFor({ timeout: 30_000 });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
