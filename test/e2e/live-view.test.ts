import { describe, expect, it } from "vitest";
import { setupBrowserSuite } from "@/test/support/setup-browser-suite";
import { newPage, rowSelector, sendDelivery, waitForText } from "@/test/e2e/support";

const suite = setupBrowserSuite();

describe("create a bin and watch it live", () => {
  it("shows the URLs, then streams a new delivery into open views without a reload", async () => {
    const page = await newPage(suite.browser);
    await page.goto(suite.server.baseUrl + "/");
    await page.getByTestId("create-bin").click();
    // Create lands on the new bin's view: no second click.
    await page.waitForURL(/\/view\/[A-Za-z0-9_-]{22}$/);
    const viewUrl = page.url();
    const echoUrl = (await page.getByTestId("echo-url").textContent())?.trim() ?? "";
    expect(echoUrl).toMatch(new RegExp(`^${suite.server.baseUrl}/echo/[A-Za-z0-9_-]{22}$`));
    const binId = echoUrl.split("/").pop()!;
    expect(viewUrl).toBe(`${suite.server.baseUrl}/view/${binId}`);
    expect(await page.getByTestId("curl-example").textContent()).toContain(`'${echoUrl}/callcov'`);
    // The creating browser holds the owner cookie.
    const cookies = await page.context().cookies();
    expect(cookies.some((cookie) => cookie.name === `we_owner_${binId}` && cookie.httpOnly)).toBe(
      true,
    );
    await page.getByTestId("empty-state").waitFor();
    expect(await page.title()).toContain(`Bin ${binId}`);
    await waitForText(page, '[data-testid="live-status"]', ["Live"]);
    await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 42));

    const deliveryId = await sendDelivery(echoUrl, {
      path: "/hooks/analysis?attempt=1",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ id: "an_live", object: "analysis", status: "completed" }),
    });
    await page.locator(rowSelector(deliveryId)).waitFor({ timeout: 10_000 });
    // Same document: nothing reloaded.
    expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(
      42,
    );
    // The first delivery of an empty bin is selected and shown.
    await waitForText(page, `[data-testid="delivery-detail"][data-delivery-id="${deliveryId}"]`, [
      `/echo/${binId}/hooks/analysis?attempt=1`,
      "an_live",
    ]);
    const rowText = await page.locator(rowSelector(deliveryId)).innerText();
    expect(rowText).toContain("POST");
    expect(rowText).toContain("/hooks/analysis");
    expect(rowText).toContain("application/json");

    // Another browser (no cookie) opens the shared link and sees it, and then live updates.
    const other = await newPage(suite.browser);
    await other.goto(`${viewUrl}/${deliveryId}`);
    await other.locator(rowSelector(deliveryId)).waitFor();
    await waitForText(other, '[data-testid="delivery-detail"]', ["an_live"]);
    await waitForText(other, '[data-testid="live-status"]', ["Live"]);
    const second = await sendDelivery(echoUrl, { method: "PUT", body: "second" });
    await Promise.all([
      other.locator(rowSelector(second)).waitFor({ timeout: 10_000 }),
      page.locator(rowSelector(second)).waitFor({ timeout: 10_000 }),
    ]);
    // The new row is on top; the selection did not move.
    const firstRow = other.locator('[data-testid="delivery-row"]').first();
    expect(await firstRow.getAttribute("data-delivery-id")).toBe(second);
    expect(
      await other.locator('[data-testid="delivery-detail"]').getAttribute("data-delivery-id"),
    ).toBe(deliveryId);

    // Selecting updates the address bar without navigating.
    await page.locator(rowSelector(second)).click();
    await page.waitForURL(`${viewUrl}/${second}`);
    await waitForText(page, `[data-testid="delivery-detail"][data-delivery-id="${second}"]`, [
      "second",
    ]);
    expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(
      42,
    );

    // Both bins visited are listed as recent on the home page.
    await page.goto(suite.server.baseUrl + "/");
    await waitForText(page, '[data-testid="recent-bins"]', [binId]);
    await page.context().close();
    await other.context().close();
  });

  it("validates typed bin ids and opens valid ones", async () => {
    const page = await newPage(suite.browser);
    await page.goto(suite.server.baseUrl + "/");
    await page.getByTestId("open-bin-input").fill("bad id!");
    await page.getByTestId("open-bin-submit").click();
    expect(await page.getByTestId("open-bin-error").textContent()).toMatch(/1–64 characters/);
    await page.getByTestId("open-bin-input").fill("my-custom_bin");
    await page.getByTestId("open-bin-submit").click();
    await page.waitForURL(`${suite.server.baseUrl}/view/my-custom_bin`);
    await page.getByTestId("empty-state").waitFor();
    expect(await page.getByTestId("echo-url").textContent()).toBe(
      `${suite.server.baseUrl}/echo/my-custom_bin`,
    );

    const malformed = await page.goto(`${suite.server.baseUrl}/view/not.valid`);
    expect(malformed?.status()).toBe(404);
    expect(await page.locator("h1").textContent()).toMatch(/not a bin or delivery link/i);
    await page.context().close();
  });

  it("pages older deliveries and moves the selection with the keyboard", async () => {
    const echoUrl = `${suite.server.baseUrl}/echo/e2e-paging`;
    const ids: string[] = [];
    for (let i = 0; i < 55; i++) ids.push(await sendDelivery(echoUrl, { body: `n=${i}` }));
    const page = await newPage(suite.browser);
    await page.goto(`${suite.server.baseUrl}/view/e2e-paging`);
    const rows = page.locator('[data-testid="delivery-row"]');
    await rows.first().waitFor();
    expect(await rows.first().getAttribute("data-delivery-id")).toBe(ids[54]);
    // Virtualised: only the rows in view (and a few around) are in the DOM.
    expect(await rows.count()).toBeLessThan(50);
    // Scrolling to the end loads the older page by itself (no "Load older" click).
    await page.getByTestId("delivery-list").evaluate((element) => {
      element.scrollTop = element.scrollHeight;
    });
    await page.getByTestId("list-end").waitFor();
    await page.locator(rowSelector(ids[0]!)).waitFor();
    await waitForText(page, '[data-testid="list-count"]', ["55 shown"]);
    await page.getByTestId("delivery-list").evaluate((element) => (element.scrollTop = 0));

    await waitForText(page, '[data-testid="delivery-detail"]', ["n=54"]);
    await page.keyboard.press("j");
    await page.keyboard.press("ArrowDown");
    await page.waitForURL(`${suite.server.baseUrl}/view/e2e-paging/${ids[52]}`);
    await waitForText(page, '[data-testid="delivery-detail"]', ["n=52"]);
    await page.keyboard.press("k");
    await page.waitForURL(`${suite.server.baseUrl}/view/e2e-paging/${ids[53]}`);

    // A live arrival above a scrolled list does not move what the user is looking at (the
    // scroll stopped following the newest); it is counted in the "new" pill instead.
    await waitForText(page, '[data-testid="live-status"]', ["Live"]);
    const list = page.getByTestId("delivery-list");
    await list.evaluate((element) => (element.scrollTop = 640));
    const anchor = async () =>
      list.evaluate((element) => {
        const top = element.getBoundingClientRect().top;
        const row = [...element.querySelectorAll("[data-delivery-id]")].find(
          (candidate) => candidate.getBoundingClientRect().bottom > top + 1,
        );
        return row?.getAttribute("data-delivery-id");
      });
    const before = await anchor();
    await sendDelivery(echoUrl, { body: "live" });
    await waitForText(page, '[data-testid="new-deliveries-pill"]', ["1 new"]);
    expect(await anchor()).toBe(before);
    expect(await list.evaluate((element) => element.scrollTop)).toBe(640 + 80);
    await page.waitForURL(`${suite.server.baseUrl}/view/e2e-paging/${ids[53]}`);
    await page.context().close();
  });
});
