import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { sendRawHttp } from "@/test/support/send-raw-http";

export interface SendOptions {
  path?: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer>;
}

/** One delivery through the real echo endpoint; returns the stored delivery id. */
export async function sendDelivery(
  echoUrl: string,
  { path = "", method = "POST", headers, body }: SendOptions = {},
): Promise<string> {
  const response = await fetch(`${echoUrl}${path}`, { method, headers, body });
  if (!response.ok) throw new Error(`echo answered ${response.status}`);
  const json = (await response.json()) as { deliveryId: string };
  return json.deliveryId;
}

/**
 * Exact bytes on the wire (raw path characters, duplicate and odd headers) for cases `fetch`
 * would normalise. `head` is the request line and header lines without the final blank line.
 */
export async function sendRawDelivery({
  port,
  head,
  body = "",
}: {
  port: number;
  head: string[];
  body?: string | Buffer;
}): Promise<string> {
  const bytes = typeof body === "string" ? Buffer.from(body) : body;
  const request = Buffer.concat([
    Buffer.from(
      [
        ...head,
        "Host: 127.0.0.1",
        `Content-Length: ${bytes.length}`,
        "Connection: close",
        "",
        "",
      ].join("\r\n"),
      "latin1",
    ),
    bytes,
  ]);
  const response = await sendRawHttp({ port, data: request });
  if (!response || response.status >= 300) {
    throw new Error(`raw echo failed: ${response?.raw.toString("latin1") ?? "no response"}`);
  }
  return (JSON.parse(response.body.toString()) as { deliveryId: string }).deliveryId;
}

export async function newPage(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, ...options });
  return context.newPage();
}

export function rowSelector(deliveryId: string): string {
  return `[data-testid="delivery-row"][data-delivery-id="${deliveryId}"]`;
}

/** Waits until the element's text contains every fragment (rendering is async after fetches). */
export async function waitForText(
  page: Page,
  selector: string,
  fragments: string[],
  timeout = 10_000,
): Promise<string> {
  try {
    await page.waitForFunction(
      ({ selector, fragments }) => {
        const text = (document.querySelector(selector) as HTMLElement | null)?.innerText ?? "";
        return fragments.every((fragment) => text.includes(fragment));
      },
      { selector, fragments },
      { timeout },
    );
  } catch (error) {
    const text = await page
      .locator(selector)
      .first()
      .innerText({ timeout: 1000 })
      .catch(() => "(element not found)");
    const missing = fragments.filter((fragment) => !text.includes(fragment));
    throw new Error(
      `${selector} lacks ${JSON.stringify(missing)}; it shows:\n${text.slice(0, 3000)}`,
      { cause: error },
    );
  }
  return page.locator(selector).first().innerText();
}

async function shownIds(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid="delivery-row"]')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-delivery-id") ?? ""));
}

/** Waits until the list shows exactly these deliveries (newest first). */
export async function expectList(page: Page, ids: string[]) {
  try {
    await page.waitForFunction(
      (ids) =>
        JSON.stringify(
          [...document.querySelectorAll('[data-testid="delivery-row"]')].map((row) =>
            row.getAttribute("data-delivery-id"),
          ),
        ) === JSON.stringify(ids),
      ids,
      { timeout: 10_000 },
    );
  } catch (error) {
    throw new Error(`list shows ${JSON.stringify(await shownIds(page))}`, { cause: error });
  }
}

/** The id of the delivery the detail pane shows once it differs from `previous`. */
export async function shownDeliveryId(page: Page, previous: string | null): Promise<string> {
  await page.waitForFunction(
    (previous) => {
      const id = document
        .querySelector('[data-testid="delivery-detail"]')
        ?.getAttribute("data-delivery-id");
      return Boolean(id) && id !== previous;
    },
    previous,
    { timeout: 10_000 },
  );
  return (await page.getByTestId("delivery-detail").getAttribute("data-delivery-id"))!;
}

/** A new bin created in a fresh browser context (which so owns it), with its view open and live. */
export async function openOwnedBin({
  browser,
  server,
  options,
}: {
  browser: Browser;
  server: { baseUrl: string };
  /** Viewport, colour scheme and the like for the new context. */
  options?: BrowserContextOptions;
}): Promise<{ page: Page; binId: string; echoUrl: string }> {
  const page = await newPage(browser, options);
  await page.goto(server.baseUrl + "/");
  await page.getByTestId("create-bin").click();
  // Create goes straight to the new bin's view, whose header shows the echo URL.
  await page.waitForURL(/\/view\/[A-Za-z0-9_-]+$/);
  await page.getByTestId("empty-state").waitFor();
  const echoUrl = (await page.getByTestId("echo-url").textContent())?.trim() ?? "";
  await waitForText(page, '[data-testid="live-status"]', ["Live"]);
  return { page, binId: echoUrl.split("/").pop()!, echoUrl };
}

/** Through the owner's settings sheet: fail the first `count` attempts of each analysis. */
export async function setFailFirst(page: Page, count: number, status: number) {
  await page.getByTestId("open-settings").click();
  await page.getByTestId("fail-first-count").fill(String(count));
  await page.getByTestId("fail-first-status").fill(String(status));
  await page.getByTestId("response-save").click();
  const attempts = count === 1 ? "attempt" : `${count} attempts`;
  await waitForText(page, '[data-testid="response-saved"]', [`fails the first ${attempts}`]);
  await page.getByTestId("owner-settings-close").click();
}

/** Through the owner's settings sheet: set the bin's webhook secret. */
export async function setWebhookSecret(page: Page, secret: string) {
  await page.getByTestId("open-settings").click();
  await page.getByTestId("secret-input").fill(secret);
  await page.getByTestId("secret-save").click();
  await waitForText(page, '[data-testid="secret-status"]', ["Secret set"]);
  await page.getByTestId("owner-settings-close").click();
}
