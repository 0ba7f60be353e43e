import { mkdirSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import { launchBrowser, screenshotDir } from "@/test/support/launch-browser";
import { startTestServer, type TestServer } from "@/test/support/start-test-server";

export interface BrowserSuite {
  databaseUrl: string;
  /** Set once the suite's beforeAll ran. */
  server: TestServer;
  browser: Browser;
}

/** The usual e2e setup: one real server and one headless Chromium for the file. */
export function setupBrowserSuite(): BrowserSuite {
  const suite = { databaseUrl: inject("databaseUrl") } as BrowserSuite;
  beforeAll(async () => {
    [suite.server, suite.browser] = await Promise.all([
      startTestServer({ databaseUrl: suite.databaseUrl }),
      launchBrowser(),
    ]);
    mkdirSync(screenshotDir, { recursive: true });
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.stop();
  });
  return suite;
}
