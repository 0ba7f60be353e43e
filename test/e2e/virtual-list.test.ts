import { createHash, randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createUuidV7 } from "@/lib/ids/create-uuid-v7";
import { launchBrowser, screenshotDir } from "@/test/support/launch-browser";
import { percentile } from "@/test/support/measure";
import { startTestServer, type TestServer } from "@/test/support/start-test-server";
import { createTestDb } from "@/test/support/test-db";
import { newPage, openOwnedBin, rowSelector, sendDelivery, waitForText } from "@/test/e2e/support";

// Like setupBrowserSuite, but bins may hold 10,000 deliveries (the sweep would trim to 1,000).
const databaseUrl = inject("databaseUrl");
const db = createTestDb(databaseUrl);
let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([
    startTestServer({ databaseUrl, env: { MAX_DELIVERIES_PER_BIN: "20000" } }),
    launchBrowser(),
  ]);
  mkdirSync(screenshotDir, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await db.close();
});

const NO_SIGNATURE = JSON.stringify({ scheme: null, status: "missing", reason: "No signature" });

/**
 * Seeds deliveries straight into the database (capturing 10,000 over HTTP would take most of
 * the time budget): ids are UUIDv7 one millisecond apart, oldest first; verdicts are cached
 * under the bin's secret version, as capture stores them. Returns the ids, oldest first.
 */
async function seed(
  binId: string,
  count: number,
  row: (index: number) => { method?: string; path?: string } = () => ({}),
): Promise<string[]> {
  await db.query("INSERT INTO bins (id) VALUES ($1) ON CONFLICT DO NOTHING", [binId]);
  const start = Date.now() - count - 60_000;
  const ids: string[] = [];
  for (let offset = 0; offset < count; offset += 2500) {
    const columns = {
      id: [] as string[],
      method: [] as string[],
      path: [] as string[],
      body: [] as Buffer[],
      sha: [] as string[],
      at: [] as Date[],
    };
    for (let i = offset; i < Math.min(count, offset + 2500); i++) {
      const id = createUuidV7({ now: () => start + i, randomBytes });
      const body = Buffer.from(`n=${i}`);
      const { method = "POST", path = `/hooks/${i}` } = row(i);
      ids.push(id);
      columns.id.push(id);
      columns.method.push(method);
      columns.path.push(path);
      columns.body.push(body);
      columns.sha.push(createHash("sha256").update(body).digest("hex"));
      columns.at.push(new Date(start + i));
    }
    await db.query(
      `INSERT INTO deliveries (id, bin_id, method, path, query, headers, body, body_size, body_sha256,
         content_type, received_at, response_status, signature, signature_version)
       SELECT id, $1, method, path, '', '[]'::jsonb, body, octet_length(body), sha,
         'text/plain', at, 200, $2::jsonb, 'none'
       FROM unnest($3::uuid[], $4::text[], $5::text[], $6::bytea[], $7::text[], $8::timestamptz[])
         AS t(id, method, path, body, sha, at)`,
      [
        binId,
        NO_SIGNATURE,
        columns.id,
        columns.method,
        columns.path,
        columns.body,
        columns.sha,
        columns.at,
      ],
    );
  }
  return ids;
}

const domRows = (page: Page) => page.locator('[data-testid="delivery-row"]').count();

/** Whether a row is fully inside the list's scroll viewport. */
async function rowInView(page: Page, id: string): Promise<boolean> {
  return page.evaluate((id) => {
    const list = document.querySelector('[data-testid="delivery-list"]')!.getBoundingClientRect();
    const row = document
      .querySelector(`[data-testid="delivery-row"][data-delivery-id="${id}"]`)
      ?.getBoundingClientRect();
    return Boolean(row && row.top >= list.top - 1 && row.bottom <= list.bottom + 1);
  }, id);
}

const scrollTop = (page: Page) =>
  page.getByTestId("delivery-list").evaluate((element) => element.scrollTop);

describe("virtualised delivery list", () => {
  it("keeps the DOM small at 10,000 deliveries, loads older pages while scrolling, moves with the keyboard", async () => {
    const ids = await seed("e2e-virtual-10k", 10_000);
    const page = await newPage(browser);
    await page.goto(`${server.baseUrl}/view/e2e-virtual-10k`);
    await page.locator(rowSelector(ids.at(-1)!)).waitFor();
    expect(await domRows(page)).toBeLessThan(100);

    // Keyboard: the selection moves and its row is scrolled into view.
    for (let i = 0; i < 20; i++) await page.keyboard.press("j");
    await page.waitForURL(`${server.baseUrl}/view/e2e-virtual-10k/${ids.at(-21)}`);
    expect(await rowInView(page, ids.at(-21)!)).toBe(true);
    await page.keyboard.press("k");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowDown");
    await page.waitForURL(`${server.baseUrl}/view/e2e-virtual-10k/${ids.at(-20)}`);
    expect(await rowInView(page, ids.at(-20)!)).toBe(true);

    // Scrolling to the end keeps loading older pages, without a click, until the first one.
    let most = 0;
    for (let step = 0; step < 400; step++) {
      const done = await page.getByTestId("delivery-list").evaluate((element) => {
        element.scrollTop = element.scrollHeight;
        return element.querySelector('[data-testid="list-end"]') !== null;
      });
      most = Math.max(most, await domRows(page));
      if (done) break;
      await page.waitForTimeout(50);
    }
    await waitForText(page, '[data-testid="list-end"]', ["everything in this bin"]);
    await waitForText(page, '[data-testid="list-count"]', ["10,000 shown"]);
    await page.locator(rowSelector(ids[0]!)).waitFor();
    most = Math.max(most, await domRows(page));
    console.log(`10,000 deliveries: at most ${most} rows in the DOM while scrolling to the end`);
    expect(most).toBeLessThan(100);

    // Back up by keyboard from the oldest.
    await page.locator(rowSelector(ids[0]!)).click();
    await page.keyboard.press("k");
    await page.waitForURL(`${server.baseUrl}/view/e2e-virtual-10k/${ids[1]}`);
    expect(await rowInView(page, ids[1]!)).toBe(true);
    await page.context().close();
  });

  it("follows the newest delivery, or keeps its place and counts new ones in a pill", async () => {
    const binId = "e2e-follow";
    const echoUrl = `${server.baseUrl}/echo/${binId}`;
    const ids = await seed(binId, 60);
    const page = await newPage(browser);
    await page.goto(`${server.baseUrl}/view/${binId}`);
    await waitForText(page, '[data-testid="live-status"]', ["Live"]);
    const follow = page.getByTestId("follow-newest");
    expect(await follow.getAttribute("aria-pressed")).toBe("true");

    // Following: a new delivery shows on top, the list stays at the top, the selection stays.
    const first = await sendDelivery(echoUrl, { body: "live 1" });
    await page.locator(rowSelector(first)).waitFor({ timeout: 10_000 });
    expect(await scrollTop(page)).toBe(0);
    expect(await page.getByTestId("delivery-detail").getAttribute("data-delivery-id")).toBe(
      ids.at(-1),
    );
    expect(await page.getByTestId("new-deliveries-pill").count()).toBe(0);

    // Not following: rows arrive above, the viewport stays put, a pill counts them.
    await follow.click();
    expect(await follow.getAttribute("aria-pressed")).toBe("false");
    const anchor = await page
      .locator('[data-testid="delivery-row"]')
      .first()
      .getAttribute("data-delivery-id");
    const later = [
      await sendDelivery(echoUrl, { body: "live 2" }),
      await sendDelivery(echoUrl, { body: "live 3" }),
      await sendDelivery(echoUrl, { body: "live 4" }),
    ];
    await waitForText(page, '[data-testid="new-deliveries-pill"]', ["3 new"]);
    expect(await rowInView(page, anchor!)).toBe(true);
    expect(await scrollTop(page)).toBe(3 * 80);
    await page.getByTestId("new-deliveries-pill").click();
    await page.getByTestId("new-deliveries-pill").waitFor({ state: "detached" });
    expect(await scrollTop(page)).toBe(0);
    expect(await rowInView(page, later[2]!)).toBe(true);

    // Following again, then scrolling away stops following.
    await follow.click();
    expect(await follow.getAttribute("aria-pressed")).toBe("true");
    await page.getByTestId("delivery-list").evaluate((element) => (element.scrollTop = 800));
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="follow-newest"]')?.getAttribute("aria-pressed") ===
        "false",
    );
    await page.context().close();
  });

  it("keeps filters in the address: reload, back/forward and shared links; a hidden selection closes", async () => {
    const binId = "e2e-url-filter";
    const ids = await seed(binId, 12, (i) => (i % 3 === 0 ? { method: "GET" } : {}));
    const getIds = ids.filter((_, i) => i % 3 === 0);
    const viewUrl = `${server.baseUrl}/view/${binId}`;
    const page = await newPage(browser);
    await page.goto(`${viewUrl}/${getIds.at(-1)}`);
    await waitForText(
      page,
      `[data-testid="delivery-detail"][data-delivery-id="${getIds.at(-1)}"]`,
      ["GET"],
    );

    // The GET delivery is open; filtering to POST hides it, so it closes.
    await page.getByTestId("filter-method").selectOption("POST");
    await page.waitForURL(`${viewUrl}?method=POST`);
    await waitForText(page, '[data-testid="list-count"]', ["8 matching"]);
    expect(await page.locator('[data-testid="delivery-detail"]').count()).toBe(0);

    await page.getByTestId("filter-text").fill("/hooks/1");
    await page.waitForURL(`${viewUrl}?method=POST&path=%2Fhooks%2F1`);
    // /hooks/1, /hooks/10 and /hooks/11 are all POSTs.
    await waitForText(page, '[data-testid="list-count"]', ["3 matching"]);

    // Reload keeps both filters, in the fields and in the list: one list request carries both.
    const listRequests: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.pathname === `/api/bins/${binId}/deliveries`) listRequests.push(url.search);
    });
    await page.reload();
    await waitForText(page, '[data-testid="list-count"]', ["3 matching"]);
    expect(listRequests).toEqual(["?limit=50&method=POST&path=%2Fhooks%2F1"]);
    expect(await page.getByTestId("filter-method").inputValue()).toBe("POST");
    expect(await page.getByTestId("filter-text").inputValue()).toBe("/hooks/1");

    // Back: the method filter alone; back again: no filter; forward: method again.
    await page.goBack();
    await page.waitForURL(`${viewUrl}?method=POST`);
    await waitForText(page, '[data-testid="list-count"]', ["8 matching"]);
    expect(await page.getByTestId("filter-text").inputValue()).toBe("");
    await page.goBack();
    await waitForText(page, '[data-testid="list-count"]', ["12 shown"]);
    expect(await page.getByTestId("filter-method").inputValue()).toBe("");
    await page.goForward();
    await waitForText(page, '[data-testid="list-count"]', ["8 matching"]);
    expect(await page.getByTestId("filter-method").inputValue()).toBe("POST");

    // A shared link opens filtered; selecting a row keeps the filter in the address.
    const other = await newPage(browser);
    await other.goto(`${viewUrl}?method=GET`);
    await waitForText(other, '[data-testid="list-count"]', ["4 matching"]);
    await other.locator(rowSelector(getIds[0]!)).click();
    await other.waitForURL(`${viewUrl}/${getIds[0]}?method=GET`);
    await page.context().close();
    await other.context().close();
  });

  it("shows analysis status, short id and agent, and the bin's summary field, with the content type whole", async () => {
    const { page, echoUrl } = await openOwnedBin({ browser, server });
    const analysis = (id: string, status: string, agent: string) =>
      sendDelivery(echoUrl, {
        path: "/webhooks/analysis",
        headers: { "Content-Type": "application/json; charset=utf-8" },
        body: JSON.stringify({
          id,
          object: "analysis",
          status,
          call: { agent_id: agent },
          ...(status === "failed" ? { error_message: "audio unreadable" } : { results: {} }),
        }),
      });
    const completed = await analysis("an_7f3k2m9x4q1w", "completed", "agent_007");
    const failed = await analysis("an_b8c2d4e6f0a1", "failed", "agent_042");
    // Sent again (answered 2xx before): the "duplicate" chip joins the row, the content type
    // stays whole.
    const retried = await analysis("an_b8c2d4e6f0a1", "failed", "agent_042");
    await page.locator(rowSelector(retried)).waitFor({ timeout: 10_000 });

    const row = (id: string) => page.locator(rowSelector(id));
    expect(await row(completed).getByTestId("row-analysis-status").innerText()).toBe("completed");
    expect(await row(completed).getByTestId("row-analysis-id").innerText()).toBe("an_7f3k2m9…");
    expect(await row(completed).getByTestId("row-analysis-agent").innerText()).toBe("agent_007");
    expect(await row(failed).getByTestId("row-analysis-status").innerText()).toBe("failed");
    expect(await row(retried).getByTestId("attempt-chip").innerText()).toBe("duplicate #2");
    const contentType = row(retried).getByTestId("row-content-type");
    expect(await contentType.innerText()).toBe("application/json; charset=utf-8");
    expect(
      await contentType.evaluate((element) => element.scrollWidth <= element.clientWidth),
    ).toBe(true);

    // The owner picks a summary field; JSON rows show its value.
    await page.getByTestId("open-settings").click();
    await page.getByTestId("summary-field-input").fill("event.type");
    await page.getByTestId("summary-field-save").click();
    await waitForText(page, '[data-testid="summary-field-message"]', ["Rows show event.type"]);
    await page.getByTestId("owner-settings-close").click();
    const charge = await sendDelivery(echoUrl, {
      path: "/stripe",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ event: { type: "charge.succeeded" } }),
    });
    await waitForText(page, `${rowSelector(charge)} [data-testid="row-summary-field"]`, [
      "event.type",
      "charge.succeeded",
    ]);
    await page.screenshot({ path: path.join(screenshotDir, "view-list-rows-light.png") });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(screenshotDir, "view-list-rows-narrow.png") });
    await page.context().close();
  });

  it("renders a live burst of 500 deliveries/s in batches and shows every delivery", async () => {
    const binId = "e2e-burst";
    const echoUrl = `${server.baseUrl}/echo/${binId}`;
    await seed(binId, 1);
    const page = await newPage(browser);
    await page.goto(`${server.baseUrl}/view/${binId}`);
    await waitForText(page, '[data-testid="live-status"]', ["Live"]);
    await page.evaluate(() => {
      const win = window as unknown as { __longTasks: number[]; __frames: number[] };
      win.__longTasks = [];
      win.__frames = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) win.__longTasks.push(entry.duration);
      }).observe({ type: "longtask", buffered: false });
      let last = performance.now();
      const frame = (now: number) => {
        win.__frames.push(now - last);
        last = now;
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });

    // 1,000 deliveries in two seconds: 50 every 100 ms.
    const TOTAL = 1000;
    const sent: Array<Promise<string>> = [];
    const started = Date.now();
    for (let batch = 0; batch < TOTAL / 50; batch++) {
      for (let i = 0; i < 50; i++)
        sent.push(sendDelivery(echoUrl, { body: `burst ${batch}/${i}` }));
      const wait = started + (batch + 1) * 100 - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    const ids = await Promise.all(sent);
    expect(new Set(ids).size).toBe(TOTAL);
    await waitForText(
      page,
      '[data-testid="list-count"]',
      [`${(TOTAL + 1).toLocaleString("en-US")} shown`],
      30_000,
    );
    const { longTasks, frames } = await page.evaluate(() => {
      const win = window as unknown as { __longTasks: number[]; __frames: number[] };
      return { longTasks: win.__longTasks, frames: win.__frames.slice(1) };
    });
    const format = (values: number[]) =>
      values.length === 0
        ? "none"
        : `p95 ${percentile(values, 95).toFixed(0)} ms, max ${Math.max(...values).toFixed(0)} ms (${values.length})`;
    console.log(
      `live burst of ${TOTAL} at 500/s: frame intervals ${format(frames)}; long tasks ${format(longTasks)}`,
    );
    // Every delivery is in the list (the newest on top, following).
    const newest = [...ids].sort().at(-1)!;
    await page.locator(rowSelector(newest)).waitFor();
    await page.context().close();
  });
});
