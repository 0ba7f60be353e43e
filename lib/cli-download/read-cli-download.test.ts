import { mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCliDownload } from "@/lib/cli-download/read-cli-download";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "read-cli-download-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("readCliDownload", () => {
  it("is null before the build wrote the file", async () => {
    expect(await readCliDownload({ fileName: "webhook-echo.mjs", dir })).toBeNull();
  });

  it("tags the bytes by content: the same bytes, the same ETag; a rebuild, a new one", async () => {
    const file = path.join(dir, "webhook-echo.mjs");
    await writeFile(file, "console.log(1)\n");
    const first = await readCliDownload({ fileName: "webhook-echo.mjs", dir });
    expect(first?.body.toString()).toBe("console.log(1)\n");
    expect(first?.etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);

    // Same bytes written again (another build of the same sources): the same validator.
    await writeFile(file, "console.log(1)\n");
    await utimes(file, new Date(1_000_000), new Date(1_000_000));
    expect((await readCliDownload({ fileName: "webhook-echo.mjs", dir }))?.etag).toBe(first?.etag);

    await writeFile(file, "console.log(2)\n");
    await utimes(file, new Date(2_000_000), new Date(2_000_000));
    const rebuilt = await readCliDownload({ fileName: "webhook-echo.mjs", dir });
    expect(rebuilt?.body.toString()).toBe("console.log(2)\n");
    expect(rebuilt?.etag).not.toBe(first?.etag);
  });
});
