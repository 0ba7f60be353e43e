import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { setupBrowserSuite } from "@/test/support/setup-browser-suite";
import {
  newPage,
  rowSelector,
  sendDelivery,
  sendRawDelivery,
  waitForText,
} from "@/test/e2e/support";

const suite = setupBrowserSuite();
const binId = "e2e-xss";

const SCRIPT = "<script>window.__xss=1</script>";
const IMG = '<img src=x onerror="window.__xss=1">';
const SVG = '<svg onload="window.__xss=1">';
const JS_URL = "javascript:window.__xss=1";

/** Clicks through every body tab so each renderer sees the payload. */
async function visitAllTabs(page: Page) {
  const tabs = page.getByRole("tab");
  for (let index = 0; index < (await tabs.count()); index++) {
    await tabs.nth(index).click();
  }
  await page.getByRole("tab").first().click();
}

async function assertInert(page: Page, dialogs: string[]) {
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBe(
    undefined,
  );
  expect(dialogs).toEqual([]);
  // No element from a payload made it into the DOM, and no link points at captured data.
  const injected = await page.evaluate(() => ({
    // Next's own flight-data scripts carry the server-rendered list as escaped JSON.
    scripts: [...document.querySelectorAll("script")].filter((script) => {
      const text = script.textContent ?? "";
      return text.includes("__xss") && !text.startsWith("self.__next_f.push(");
    }).length,
    images: document.querySelectorAll('img[src="x"]').length,
    svgs: document.querySelectorAll("svg[onload]").length,
    // Attributes that act: event handlers, URLs, inline styles and frames. Captured text may
    // sit in inert ones (an editor's input value, aria text), set as data, never parsed.
    handlers: [...document.querySelectorAll("*")].filter((element) =>
      [...element.attributes].some(
        (attribute) =>
          /^(on|href$|src|action$|formaction$|style$|xlink:href$|data$|poster$|background$)/i.test(
            attribute.name,
          ) && attribute.value.includes("__xss"),
      ),
    ).length,
    // Links to our own origin (the CLI download) count as site paths.
    hrefs: [...document.querySelectorAll("a[href]")].map((a) => {
      const href = a.getAttribute("href") ?? "";
      return href.startsWith(`${location.origin}/`) ? href.slice(location.origin.length) : href;
    }),
  }));
  expect(injected).toMatchObject({ scripts: 0, images: 0, svgs: 0, handlers: 0 });
  // Site paths only, and the skip link to this page's own <main>.
  for (const href of injected.hrefs) expect(href).toMatch(/^(\/(?!\/)|#main$)/);
}

describe("hostile payloads stay text", () => {
  it("never executes or links captured markup, and shows it literally", async () => {
    const ids: Array<{ id: string; expected: string[]; raw?: string[] }> = [];

    // Markup in the raw path and query, header names (token characters only) and values.
    ids.push({
      id: await sendRawDelivery({
        port: suite.server.port,
        head: [
          `POST /echo/${binId}/<svg/onload=window.__xss=1>/x?next=${JS_URL}&html=<script>window.__xss=1</script> HTTP/1.1`,
          "Content-Type: text/html",
          `X-Img: ${IMG}`,
          `X-'onmouseover'|window.__xss|: ${SVG}`,
          `Referer: ${JS_URL}`,
        ],
        body: `<!doctype html><h1>hi</h1>${SCRIPT}${IMG}${SVG}<a href="${JS_URL}">click</a>`,
      }),
      expected: [
        `/echo/${binId}/<svg/onload=window.__xss=1>/x?next=${JS_URL}&html=${SCRIPT}`,
        IMG,
        SVG,
        "X-'onmouseover'|window.__xss|",
        `<a href="${JS_URL}">click</a>`,
      ],
    });

    // JSON strings and keys.
    ids.push({
      id: await sendDelivery(`${suite.server.baseUrl}/echo/${binId}`, {
        path: "/json",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          [SCRIPT]: "key",
          script: SCRIPT,
          link: JS_URL,
          nested: {
            svg: "<svg onload=window.__xss=1>",
            list: ["<img src=x onerror=window.__xss=1>"],
          },
        }),
      }),
      expected: [
        JSON.stringify(SCRIPT),
        `"${JS_URL}"`,
        '"<svg onload=window.__xss=1>"',
        '"<img src=x onerror=window.__xss=1>"',
      ],
      raw: [SCRIPT, JS_URL, "<svg onload=window.__xss=1>"],
    });

    // Form fields and multipart parts (names, filenames, content types, text).
    ids.push({
      id: await sendDelivery(`${suite.server.baseUrl}/echo/${binId}`, {
        path: "/form",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ [IMG]: SCRIPT, url: JS_URL }).toString(),
      }),
      expected: [IMG, SCRIPT, JS_URL],
    });
    const boundary = "xssBoundary";
    ids.push({
      id: await sendDelivery(`${suite.server.baseUrl}/echo/${binId}`, {
        path: "/multipart",
        headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` },
        body:
          `--${boundary}\r\nContent-Disposition: form-data; name="${SVG.replaceAll('"', "'")}"\r\n\r\n${SCRIPT}\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="f"; filename="<img src=x onerror=window.__xss=1>.html"\r\n` +
          `Content-Type: text/html\r\n\r\n${IMG}\r\n--${boundary}--\r\n`,
      }),
      expected: [
        SCRIPT,
        "<svg onload='window.__xss=1'>",
        "<img src=x onerror=window.__xss=1>.html",
      ],
    });

    // A CallCov analysis: every field of the report view (header, transcript, results,
    // other fields, problems) gets markup, and the audio URL is a javascript: URL.
    ids.push({
      id: await sendDelivery(`${suite.server.baseUrl}/echo/${binId}`, {
        path: "/analysis",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          id: SCRIPT,
          object: "analysis",
          created: 1767225600,
          status: IMG,
          call: { agent_id: SVG, contact_id: JS_URL },
          audio: { url: JS_URL, duration_seconds: 12, format: SCRIPT },
          transcript: {
            segments: [
              { speaker: SVG, text: `${SCRIPT} hello`, start: 0, end: 1 },
              { speaker: "agent", text: IMG, start: 1, end: 2 },
            ],
          },
          results: {
            compliance: { [SCRIPT]: true, note: IMG, checks: [{ [SVG]: JS_URL }] },
            quality: { score: 0.5, [`${IMG}_score`]: 0.9 },
            coaching: [SCRIPT, SVG],
          },
          [SVG]: { [SCRIPT]: JS_URL },
        }),
      }),
      expected: [SCRIPT, IMG, SVG, JS_URL, `${SCRIPT} hello`],
    });

    const page = await newPage(suite.browser);
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${suite.server.baseUrl}/view/${binId}`);
    for (const { id, expected, raw } of ids) {
      await page.locator(rowSelector(id)).click();
      const detail = `[data-testid="delivery-detail"][data-delivery-id="${id}"]`;
      await page.locator(detail).waitFor();
      await visitAllTabs(page);
      await waitForText(page, detail, expected);
      if (raw) {
        // The raw text view must be literal too.
        await page.getByRole("tab", { name: "Raw" }).click();
        await waitForText(page, detail, raw);
      }
      await assertInert(page, dialogs);
    }
    // The list shows hostile paths as text too, and deep links to them work.
    const first = ids[0]!.id;
    expect(await page.locator(rowSelector(first)).innerText()).toContain("<svg/onload=");
    await page.goto(`${suite.server.baseUrl}/view/${binId}/${first}`);
    await page.locator(`[data-testid="delivery-detail"][data-delivery-id="${first}"]`).waitFor();
    await visitAllTabs(page);
    await assertInert(page, dialogs);
    await page.context().close();
  });

  it("shows bidi controls and invisible characters as code points, never raw", async () => {
    // A false "amount" key spelled backwards behind U+202E, one with a zero-width space, and
    // query names/values that would read as `status = paid`, `amount = 1000`.
    const body = '{"amount\u202E":1,"\u202Etnuoma":2,"am\u200Bount":3,"amount":4}';
    const id = await sendDelivery(`${suite.server.baseUrl}/echo/${binId}`, {
      path: "/spoof?status%E2%80%AE=paid&amount=%E2%80%AE0001",
      headers: { "Content-Type": "application/json" },
      body,
    });
    const page = await newPage(suite.browser);
    await page.goto(`${suite.server.baseUrl}/view/${binId}/${id}?tab=pretty`);
    const detail = `[data-testid="delivery-detail"][data-delivery-id="${id}"]`;
    await page.locator(detail).waitFor();

    const tree = await waitForText(page, '[data-testid="json-tree"]', [
      '"amountU+202E"',
      '"U+202Etnuoma"',
      '"amU+200Bount"',
    ]);
    expect(tree.split('"amount"').length - 1).toBe(1);
    expect(tree).not.toMatch(/[\u202e\u200b]/);

    const query = await waitForText(page, '[data-testid="query-table"]', [
      "statusU+202E",
      "U+202E0001",
    ]);
    expect(query).not.toMatch(/[\u202e\u200b]/);
    expect(query).not.toContain("1000");

    // Each marker is a titled badge; nothing around it is reordered by the payload.
    const markers = page.locator(`${detail} [title="invisible character U+202E"]`);
    expect(await markers.count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator(`${detail} [title="invisible character U+200B"]`).count()).toBe(1);
    expect(
      await markers
        .first()
        .evaluate((marker) => getComputedStyle(marker.parentElement!).unicodeBidi),
    ).toBe("isolate");

    // The raw view still shows the bytes as sent.
    await page.getByRole("tab", { name: "Raw" }).click();
    expect(await page.getByTestId("body-text").textContent()).toBe(body);
    await page.context().close();
  });
});
