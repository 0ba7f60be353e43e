import { describe, expect, it } from "vitest";
import { setupBrowserSuite } from "@/test/support/setup-browser-suite";
import { startCliProcess } from "@/test/support/start-cli-process";
import { startWebhookReceiver } from "@/test/support/start-webhook-receiver";
import { waitUntil } from "@/test/support/wait-until";
import { openOwnedBin, rowSelector, waitForText } from "@/test/e2e/support";

const suite = setupBrowserSuite();
const cleanups: Array<() => unknown> = [];

describe("forward --respond in the view", () => {
  it("shows the local app answering live, sets the wait, and shows the forwarded answer", async () => {
    const { page, binId, echoUrl } = await openOwnedBin(suite);
    const base = suite.server.baseUrl;
    // The owner token is the owner cookie's value (the browser never shows it).
    const token = (await page.context().cookies()).find(
      (cookie) => cookie.name === `we_owner_${binId}`,
    )?.value;
    expect(token).toBeTruthy();
    const app = await startWebhookReceiver({
      answer: () => ({
        status: 201,
        headers: { "Content-Type": "application/json", "X-Local-App": "yes" },
        body: '{"created":true}',
      }),
    });
    cleanups.push(() => app.close());
    const chip = page.getByTestId("forward-responding");
    expect(await chip.count()).toBe(0);

    try {
      // The owner's wait, through the settings sheet (a bad value is refused in the browser).
      await page.getByTestId("open-settings").click();
      const command = await page.getByTestId("respond-command").innerText();
      expect(command).toMatch(
        new RegExp(
          `^npx ${base}/cli/[^ ]+/webhook-echo\\.tgz forward ${base}/view/${binId} --to http://localhost:3000/webhooks --respond --token <owner-token>$`,
        ),
      );
      expect(await page.getByTestId("respond-timeout-input").inputValue()).toBe("25000");
      await page.getByTestId("respond-timeout-input").fill("50");
      await page.getByTestId("respond-timeout-save").click();
      await waitForText(page, '[data-testid="respond-timeout-message"]', ["from 100 to 29000"]);
      await page.getByTestId("respond-timeout-input").fill("8000");
      await page.getByTestId("respond-timeout-save").click();
      await waitForText(page, '[data-testid="respond-timeout-message"]', ["8000 ms"]);
      const saved = (await (await fetch(`${base}/api/bins/${binId}`)).json()) as {
        respondTimeoutMs: number;
      };
      expect(saved.respondTimeoutMs).toBe(8000);
      await page.getByTestId("owner-settings-close").click();

      // The real CLI: the chip appears in the open view without a reload.
      const cli = startCliProcess({
        args: [
          "forward",
          binId,
          "--to",
          `${app.url}/webhooks`,
          "--server",
          base,
          "--respond",
        ].concat(["--token", token!]),
        cleanups,
      });
      await chip.waitFor({ timeout: 15_000 });
      expect(await chip.innerText()).toContain("Local app answering");
      expect(await chip.getAttribute("title")).toContain("wait up to 8 s");

      const answer = await fetch(`${echoUrl}/order`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: '{"order":1}',
      });
      expect(answer.status).toBe(201);
      const deliveryId = answer.headers.get("x-delivery-id")!;
      await page.locator(rowSelector(deliveryId)).click();
      const sent = page.getByTestId("sent-response");
      await page.waitForFunction(
        () =>
          document.querySelector('[data-testid="sent-response"]')?.getAttribute("data-reason") ===
          "forwarded",
        undefined,
        { timeout: 10_000 },
      );
      expect(await sent.getAttribute("data-status")).toBe("201");
      expect(await page.getByTestId("sent-response-status").innerText()).toContain("201");
      expect(await sent.innerText()).toContain("forward --respond");
      expect(await page.getByTestId("sent-response-body").innerText()).toBe('{"created":true}');
      expect(await page.getByTestId("sent-response-headers").innerText()).toMatch(
        /X-Local-App\s+yes/i,
      );

      // The forwarder stops: the chip goes, again without a reload.
      cli.child.kill("SIGTERM");
      await cli.exited;
      await waitUntil(async () => (await chip.count()) === 0, "the chip to go");
    } finally {
      for (const cleanup of cleanups.reverse()) await cleanup();
      await page.context().close();
    }
  });
});
