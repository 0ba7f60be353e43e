import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";

export interface CliDownload {
  body: Buffer;
  /** Strong validator: a hash of the bytes, so every instance of one build agrees on it. */
  etag: string;
}

export interface ReadCliDownloadOptions {
  /** A file scripts/build-cli.mjs writes: webhook-echo.mjs or webhook-echo.tgz. */
  fileName: string;
  /** Where the build put it; the server runs from the project folder (see server.ts). */
  dir?: string;
}

// The files change only when the app is rebuilt: read and hash once, again only when the file's
// size or mtime says a rebuild replaced it.
const cache = new Map<string, { version: string; download: CliDownload }>();

/** A built CLI file, from the build output (never built per request); null when not built. */
export async function readCliDownload({
  fileName,
  dir = path.join(process.cwd(), "dist", "cli"),
}: ReadCliDownloadOptions): Promise<CliDownload | null> {
  // The files are read at run time from the build output, not bundled: the comments keep
  // Turbopack from tracing (and warning about) the whole project for these calls.
  const file = path.join(/*turbopackIgnore: true*/ dir, fileName);
  const info = await stat(/*turbopackIgnore: true*/ file).catch(() => null);
  if (!info?.isFile()) return null;
  const version = `${info.size}:${info.mtimeMs}`;
  const cached = cache.get(file);
  if (cached?.version === version) return cached.download;
  const body = await readFile(/*turbopackIgnore: true*/ file);
  const digest = createHash("sha256").update(body).digest("base64url");
  const download = { body, etag: `"${digest.slice(0, 32)}"` };
  cache.set(file, { version, download });
  return download;
}
