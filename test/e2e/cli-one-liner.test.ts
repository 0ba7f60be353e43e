import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupBrowserSuite } from "@/test/support/setup-browser-suite";
import { newPage, sendDelivery } from "@/test/e2e/support";
import { screenshotDir } from "@/test/support/launch-browser";

// The CLI one-liner (issue 17, part 5): shown with the host the page was served from, copied
// with one click, and the copied text itself runs on a machine without this repo.
const suite = setupBrowserSuite();
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "webhook-echo-one-liner-"));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Runs a pasted command line in a shell, from an empty folder with an empty npm cache. */
function runInShell(
  command: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith("npm_")),
  ) as NodeJS.ProcessEnv;
  return mkdir(path.join(tmp, "shell"), { recursive: true }).then(
    () =>
      new Promise((resolve) => {
        const child = spawn("sh", ["-c", command], {
          cwd: path.join(tmp, "shell"),
          env: { ...env, npm_config_cache: path.join(tmp, "npm-cache"), npm_config_yes: "true" },
          stdio: ["ignore", "pipe", "pipe"],
        });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
        child.on("close", (code) => resolve({ code, stdout, stderr }));
      }),
  );
}

/** The path one-liners use: tagged with the tarball's content, so npx fetches a new CLI. */
async function taggedTarballPath(): Promise<string> {
  const head = await fetch(`${suite.server.baseUrl}/cli/webhook-echo.tgz`, { method: "HEAD" });
  return `/cli/${head.headers.get("etag")!.slice(1, 13)}/webhook-echo.tgz`;
}

describe("the CLI one-liner", () => {
  it("on the home page: this host, copyable, and the copied command runs", async () => {
    const page = await newPage(suite.browser);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    const origin = suite.server.baseUrl;
    await page.goto(`${origin}/`);
    const command = (await page.getByTestId("cli-command").textContent())?.trim();
    expect(command).toBe(`npx ${origin}${await taggedTarballPath()} create --server ${origin}`);
    await page.getByTestId("copy-cli-one-liner").click();
    await page.getByTestId("copy-cli-one-liner").getByText("Copied").waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(command);
    await page.screenshot({ path: path.join(screenshotDir, "cli-one-liner-home.png") });

    const run = await runInShell(command!);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`${origin}/echo/[A-Za-z0-9_-]{22}`));

    // Another name for the same server: the line follows the host the page was asked for.
    const other = await newPage(suite.browser);
    await other.goto(`http://localhost:${suite.server.port}/`);
    expect(await other.getByTestId("cli-command").textContent()).toContain(
      `npx http://localhost:${suite.server.port}${await taggedTarballPath()} create`,
    );
  }, 120_000);

  it("on an empty bin's view: forwards that bin to a local app", async () => {
    const page = await newPage(suite.browser);
    await page.goto(`${suite.server.baseUrl}/`);
    await page.getByTestId("create-bin").click();
    await page.waitForURL(/\/view\/[A-Za-z0-9_-]{22}$/);
    const viewUrl = page.url();
    await page.getByTestId("empty-state").waitFor();
    expect(await page.getByTestId("empty-state").getByTestId("cli-command").textContent()).toBe(
      `npx ${suite.server.baseUrl}${await taggedTarballPath()} forward ${viewUrl} --to http://localhost:3000/webhooks`,
    );
    const download = page.getByTestId("cli-one-liner").getByRole("link", { name: "single file" });
    expect(await download.getAttribute("href")).toBe(
      `${suite.server.baseUrl}/cli/webhook-echo.mjs`,
    );
    await page.screenshot({ path: path.join(screenshotDir, "cli-one-liner-view.png") });

    // Once deliveries hide the empty state, the header's "CLI" popover has the same line.
    const forward = `npx ${suite.server.baseUrl}${await taggedTarballPath()} forward ${viewUrl} --to http://localhost:3000/webhooks`;
    await sendDelivery(viewUrl.replace("/view/", "/echo/"), { body: "first" });
    await page.getByTestId("empty-state").waitFor({ state: "detached" });
    const popover = page.getByTestId("cli-popover");
    expect(await popover.isVisible()).toBe(false);
    await page.getByTestId("open-cli").click();
    await popover.waitFor();
    expect(await popover.getByTestId("cli-command").textContent()).toBe(forward);
    await page.screenshot({ path: path.join(screenshotDir, "cli-one-liner-popover.png") });
    await page.keyboard.press("Escape");
    await popover.waitFor({ state: "hidden" });
  });
});
