import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { buildTestAnalysis } from "@/test/support/build-test-analysis";
import { screenshotDir } from "@/test/support/launch-browser";
import { setupBrowserSuite } from "@/test/support/setup-browser-suite";
import { openOwnedBin, rowSelector, sendDelivery, waitForText } from "@/test/e2e/support";

const suite = setupBrowserSuite();

const sample = () =>
  buildTestAnalysis() as Record<string, unknown> & {
    transcript: { segments: Array<Record<string, unknown>> };
  };

const json = { "Content-Type": "application/json" };

async function waitForBadge(page: Page, id: string, valid: "true" | "false") {
  await page.waitForFunction(
    ({ selector, valid }) => document.querySelector(selector)?.getAttribute("data-valid") === valid,
    { selector: `${rowSelector(id)} [data-testid="conformance-badge"]`, valid },
    { timeout: 10_000 },
  );
}

const errorButton = (page: Page, path: string) =>
  page.locator('[data-testid="conformance-errors"] button', { hasText: path });

/** The highlighted row of the JSON tree once it shows every fragment. */
const highlighted = '[data-testid="json-tree"] [data-highlighted="true"]';

describe("schema conformance in the view", () => {
  it("badges rows; each error opens the JSON tree at its place; the owner sets a schema", async () => {
    const { page, echoUrl } = await openOwnedBin(suite);

    const good = sample();
    const broken = sample();
    broken.created = "yesterday";
    broken.region = "eu";
    // Depth 4: collapsed by default in the tree, so revealing it must expand its ancestors.
    broken.transcript.segments[5]!.start = "late";
    const validId = await sendDelivery(echoUrl, { headers: json, body: JSON.stringify(good) });
    const invalidId = await sendDelivery(echoUrl, { headers: json, body: JSON.stringify(broken) });
    const textId = await sendDelivery(echoUrl, { body: "plain text" });

    await waitForBadge(page, validId, "true");
    await waitForBadge(page, invalidId, "false");
    // Text, not colour alone: the mark and the words a screen reader reads.
    const invalidBadge = page.locator(
      `${rowSelector(invalidId)} [data-testid="conformance-badge"]`,
    );
    expect(await invalidBadge.innerText()).toContain("schema ✗");
    expect(await invalidBadge.textContent()).toContain("does not conform to callcov-analysis@1");
    expect(
      await page.locator(`${rowSelector(textId)} [data-testid="conformance-badge"]`).count(),
    ).toBe(0);

    await page.locator(rowSelector(invalidId)).click();
    const detail = `[data-testid="delivery-detail"][data-delivery-id="${invalidId}"]`;
    await waitForText(page, `${detail} [data-testid="conformance-errors"]`, [
      "/created",
      "must be integer",
      "/transcript/segments/5/start",
      "must be number",
    ]);
    await waitForText(page, `${detail} [data-testid="conformance-unknown-fields"]`, ["/region"]);
    // An analysis opens on its report, not on the tree.
    expect(await page.getByTestId("analysis-tab").getAttribute("aria-selected")).toBe("true");

    await errorButton(page, "/transcript/segments/5/start").click();
    expect(await page.getByTestId("body-tab-pretty").getAttribute("aria-selected")).toBe("true");
    await waitForText(page, highlighted, ['"start"', '"late"']);
    expect(await page.locator(highlighted).count()).toBe(1);
    expect(await page.locator(highlighted).isVisible()).toBe(true);
    await page.screenshot({
      path: path.join(screenshotDir, "view-conformance-error-revealed.png"),
    });

    // Another error moves the highlight there.
    await errorButton(page, "/created").click();
    await waitForText(page, highlighted, ['"created"', '"yesterday"']);

    // The owner's own schema: a syntax error is shown as typed, then every JSON delivery is judged by it.
    await page.getByTestId("open-settings").click();
    await page.getByTestId("owner-settings").waitFor();
    await page.getByTestId("json-schema-input").fill('{"type": "object",');
    await waitForText(page, '[data-testid="json-schema-problem"]', ["Not valid JSON"]);
    expect(await page.getByTestId("json-schema-save").isDisabled()).toBe(true);
    await page.getByTestId("json-schema-input").fill('{"type": "strnig"}');
    await page.getByTestId("json-schema-save").click();
    await waitForText(page, '[data-testid="json-schema-message"]', ["jsonSchema cannot be used"]);
    await page
      .getByTestId("json-schema-input")
      .fill(JSON.stringify({ type: "object", required: ["order"] }));
    await page.getByTestId("json-schema-save").click();
    await waitForText(page, '[data-testid="json-schema-message"]', ["Saved as bin@"]);
    await page.getByTestId("owner-settings-close").click();

    await waitForBadge(page, validId, "false");
    const ownBadge = page.locator(`${rowSelector(validId)} [data-testid="conformance-badge"]`);
    expect(await ownBadge.textContent()).toMatch(/does not conform to bin@[0-9a-f]{12}/);
    await page.locator(rowSelector(validId)).click();
    await waitForText(page, '[data-testid="conformance-errors"]', ["/order", "is required"]);
  });

  it("reveals an error deep in a long array (paged and virtualized tree)", async () => {
    const { page, binId, echoUrl } = await openOwnedBin(suite);
    // The owner's cookie from the creating browser, to set the bin's schema through the API.
    const cookie = (await page.context().cookies()).find((c) => c.name === `we_owner_${binId}`)!;
    const saved = await fetch(`${suite.server.baseUrl}/api/bins/${binId}/settings`, {
      method: "PUT",
      headers: { ...json, Cookie: `${cookie.name}=${cookie.value}` },
      body: JSON.stringify({
        jsonSchema: { properties: { items: { type: "array", items: { type: "integer" } } } },
      }),
    });
    expect(saved.status).toBe(200);
    const items: unknown[] = Array.from({ length: 1000 }, (_, index) => index);
    items[900] = "nine hundred";
    const id = await sendDelivery(echoUrl, { headers: json, body: JSON.stringify({ items }) });
    await waitForBadge(page, id, "false");
    await page.locator(rowSelector(id)).click();
    await waitForText(page, '[data-testid="conformance-errors"]', [
      "/items/900",
      "must be integer",
    ]);
    await errorButton(page, "/items/900").click();
    await waitForText(page, highlighted, ["900", '"nine hundred"']);
    expect(await page.locator(highlighted).isVisible()).toBe(true);
  });
});
