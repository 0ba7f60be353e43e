import path from "node:path";
import { describe, expect, it } from "vitest";
import { newPage, rowSelector, sendDelivery, waitForText } from "@/test/e2e/support";
import { screenshotDir } from "@/test/support/launch-browser";
import { setupBrowserSuite } from "@/test/support/setup-browser-suite";

const suite = setupBrowserSuite();

const JSON_HEADERS = { "Content-Type": "application/json" };

async function createBin(): Promise<{ id: string; echoUrl: string }> {
  const response = await fetch(`${suite.server.baseUrl}/api/bins`, { method: "POST" });
  return (await response.json()) as { id: string; echoUrl: string };
}

const chip = (deliveryId: string) => `${rowSelector(deliveryId)} [data-testid="baseline-chip"]`;

describe("compare deliveries and pin a baseline", () => {
  it("compares two deliveries in the detail, JSON-aware, with headers and body changes", async () => {
    const bin = await createBin();
    const first = await sendDelivery(bin.echoUrl, {
      path: "/hooks",
      headers: { ...JSON_HEADERS, "X-Event": "created" },
      body: JSON.stringify({ id: "an_1", status: "queued", items: [1, 2] }),
    });
    const second = await sendDelivery(bin.echoUrl, {
      path: "/hooks",
      headers: { ...JSON_HEADERS, "X-Event": "updated" },
      body: JSON.stringify({ items: [1, 2], status: "<img src=x onerror=alert(1)>", id: "an_1" }),
    });
    const page = await newPage(suite.browser);
    let dialogs = 0;
    page.on("dialog", (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    await page.goto(`${suite.server.baseUrl}/view/${bin.id}/${second}`);
    await waitForText(page, `[data-testid="delivery-detail"][data-delivery-id="${second}"]`, [
      "an_1",
    ]);

    await page.getByRole("button", { name: "Compare with…" }).click();
    await page.getByRole("button", { name: "Previous delivery" }).click();
    const diff = '[data-testid="compare-diff"]';
    const text = await waitForText(page, diff, [
      // X-Event, and Content-Length since the bodies differ in length.
      "2 header changes",
      "1 body change (json)",
      "/status",
      '"queued"',
      '"<img src=x onerror=alert(1)>"',
    ]);
    // Key order is no change; the op is a word, not only a colour.
    expect(text).not.toContain("/id");
    expect(text).not.toContain("/items");
    const headerRows = page.locator(
      '[data-testid="compare-diff"] [data-testid="diff-headers"] tbody tr',
    );
    expect(await headerRows.count()).toBe(2);
    expect(await headerRows.first().innerText()).toMatch(
      /x-event\s+~?\s*changed\s+created\s+updated/,
    );
    const bodyRow = page.locator('[data-testid="compare-diff"] [data-testid="diff-body"] tbody tr');
    expect(await bodyRow.getAttribute("data-op")).toBe("changed");
    // The payload stayed text.
    expect(await page.locator(`${diff} img`).count()).toBe(0);
    expect(dialogs).toBe(0);
    await page.locator(diff).screenshot({ path: path.join(screenshotDir, "view-compare.png") });

    // The picker offers the bin's other deliveries.
    await page.getByRole("button", { name: "Close comparison" }).click();
    await page.getByRole("button", { name: "Compare with…" }).click();
    const select = page.getByLabel("Compare with", { exact: true });
    expect(await select.locator("option").count()).toBe(2);
    await select.selectOption(first);
    await waitForText(page, diff, ["/status"]);
  });

  it("names bidi controls and look-alike whitespace in a diff's paths and values", async () => {
    const page = await newPage(suite.browser);
    const diff = '[data-testid="compare-diff"]';
    const badges = (code: string) => page.locator(`${diff} [title="invisible character ${code}"]`);
    const compareWithPrevious = async (binId: string, deliveryId: string) => {
      await page.goto(`${suite.server.baseUrl}/view/${binId}/${deliveryId}`);
      await page
        .locator(`[data-testid="delivery-detail"][data-delivery-id="${deliveryId}"]`)
        .waitFor();
      await page.getByRole("button", { name: "Compare with…" }).click();
      await page.getByRole("button", { name: "Previous delivery" }).click();
    };

    // JSON: a key behind U+202E (reads "amount" backwards) and a value that gained a no-break
    // space, which would otherwise show as '"paid"' on both sides.
    const json = await createBin();
    await sendDelivery(json.echoUrl, {
      headers: JSON_HEADERS,
      body: JSON.stringify({ status: "paid", "\u202etnuoma": 1 }),
    });
    const jsonSecond = await sendDelivery(json.echoUrl, {
      headers: JSON_HEADERS,
      body: JSON.stringify({ status: "paid\u00a0", "\u202etnuoma": 2 }),
    });
    await compareWithPrevious(json.id, jsonSecond);
    const jsonText = await waitForText(page, diff, [
      "2 body changes (json)",
      '"paid"',
      '"paidU+00A0"',
      "/U+202Etnuoma",
    ]);
    expect(jsonText).not.toMatch(/[\u202e\u00a0]/);
    expect(await badges("U+202E").count()).toBe(1);
    expect(await badges("U+00A0").count()).toBe(1);

    // Text: the same two lines, one now ending in CRLF and one in a space.
    const text = await createBin();
    const TEXT_HEADERS = { "Content-Type": "text/plain" };
    await sendDelivery(text.echoUrl, { headers: TEXT_HEADERS, body: "line one\nline two\n" });
    const textSecond = await sendDelivery(text.echoUrl, {
      headers: TEXT_HEADERS,
      body: "line one\r\nline two \n",
    });
    await compareWithPrevious(text.id, textSecond);
    const textText = await waitForText(page, diff, ["body change", "U+000D", "U+0020"]);
    expect(textText).not.toContain("\r");
    expect(await badges("U+000D").count()).toBe(1);
    expect(await badges("U+0020").count()).toBe(1);
    // The side before, without them, has no badge.
    const bodyRow = page.locator(`${diff} [data-testid="diff-body"] tbody tr`).first();
    expect(
      await bodyRow.locator("td").nth(2).locator('[data-testid="hidden-character"]').count(),
    ).toBe(0);
  });

  it("pins a baseline: live rows show a chip with how they differ, the detail a diff at the top", async () => {
    const bin = await createBin();
    const body = (status: string) => JSON.stringify({ id: "an_2", object: "analysis", status });
    const baseline = await sendDelivery(bin.echoUrl, { headers: JSON_HEADERS, body: body("done") });
    const page = await newPage(suite.browser);
    await page.goto(`${suite.server.baseUrl}/view/${bin.id}/${baseline}`);
    await waitForText(page, '[data-testid="live-status"]', ["Live"]);
    await waitForText(page, '[data-testid="delivery-detail"]', ["an_2"]);
    expect(await page.locator('[data-testid="baseline-chip"]').count()).toBe(0);

    await page.getByRole("button", { name: "Pin as baseline" }).click();
    await waitForText(page, chip(baseline), ["baseline"]);
    await page.getByRole("button", { name: "Unpin baseline" }).waitFor();

    // New live deliveries: one like the baseline, one with a different status.
    const same = await sendDelivery(bin.echoUrl, { headers: JSON_HEADERS, body: body("done") });
    const different = await sendDelivery(bin.echoUrl, {
      headers: JSON_HEADERS,
      // Same length as "done": the Content-Length header stays equal.
      body: body("fail"),
    });
    await waitForText(page, chip(same), ["= baseline"]);
    await waitForText(page, chip(different), ["≠ 1 change"]);
    expect(await page.locator(chip(different)).getAttribute("data-state")).toBe("different");

    // The baseline survives a reload (localStorage, per bin).
    await page.reload();
    await waitForText(page, chip(different), ["≠ 1 change"]);
    await page.locator(rowSelector(different)).click();
    await waitForText(page, '[data-testid="baseline-diff"]', [
      "0 header changes · 1 body change (json)",
      "/status",
      '"done"',
      '"fail"',
    ]);
    expect(
      await page.getByRole("region", { name: /^Differences from the baseline …/ }).count(),
    ).toBe(1);
    await page.screenshot({ path: path.join(screenshotDir, "view-baseline.png") });

    // Clearing it removes every chip and the section.
    await page.getByRole("button", { name: "Clear baseline" }).click();
    await page.locator('[data-testid="baseline-diff"]').waitFor({ state: "detached" });
    expect(await page.locator('[data-testid="baseline-chip"]').count()).toBe(0);
    expect(
      await page.evaluate(
        (id) => window.localStorage.getItem(`webhook-echo:baseline:${id}`),
        bin.id,
      ),
    ).toBeNull();
  });

  it("asks for diffs only for rows on screen, each pair once", async () => {
    const bin = await createBin();
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) {
      ids.push(await sendDelivery(bin.echoUrl, { headers: JSON_HEADERS, body: `{"n":${i}}` }));
    }
    const newest = ids[ids.length - 1]!;
    const page = await newPage(suite.browser);
    const diffRequests: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/diff?against=")) diffRequests.push(request.url());
    });
    await page.goto(`${suite.server.baseUrl}/view/${bin.id}/${newest}`);
    await waitForText(page, '[data-testid="delivery-detail"]', ['"n"']);
    await page.getByRole("button", { name: "Pin as baseline" }).click();
    await waitForText(page, chip(ids[ids.length - 2]!), ["≠ 1 change"]);
    // About a dozen rows fit on screen: 39 other rows, far fewer requests.
    await page.waitForTimeout(500);
    const onScreen = diffRequests.length;
    expect(onScreen).toBeGreaterThan(0);
    expect(onScreen).toBeLessThan(20);
    expect(await page.locator(`${chip(ids[0]!)}[data-state="different"]`).count()).toBe(0);

    // Scrolling to the oldest row asks for its diff; the rows seen before are not asked again.
    // The list is virtualised: the oldest row exists only once the list is scrolled to it.
    await page
      .getByTestId("delivery-list")
      .evaluate((list) => list.scrollTo({ top: list.scrollHeight }));
    await page.locator(rowSelector(ids[0]!)).waitFor();
    // {"n":0} is shorter than {"n":39}: Content-Length differs too, but a header every
    // delivery sets anew is not counted on the chip.
    await waitForText(page, chip(ids[0]!), ["≠ 1 change"]);
    expect(new Set(diffRequests).size).toBe(diffRequests.length);
    expect(diffRequests.length).toBeLessThan(40);
  });
});
