// Builds `webhook-echo/client` (package.json "exports"): lib/client bundled by esbuild into one
// plain ESM file (zod stays an import: it is a dependency), and its types bundled into one
// .d.ts by dts-bundle-generator, so Node, Vitest, Jest and Playwright consumers need no
// TypeScript loader and no knowledge of this repo's `@/` paths.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export const CLIENT_BUNDLE = path.join("dist", "client.mjs");
export const CLIENT_TYPES = path.join("dist", "client.d.ts");
export const CLIENT_ENTRY = path.join("lib", "client", "client-entry.ts");

/**
 * esbuild: one ESM file for Node 20 from a TypeScript entry, packages left as imports unless
 * `standalone` (then zod and everything else is bundled in: a file that runs outside any install).
 */
export function bundleForNode(root, env, entry, outfile, { standalone = false, banner } = {}) {
  const result = spawnSync(
    "npx",
    [
      "esbuild",
      entry,
      "--bundle",
      "--platform=node",
      "--format=esm",
      "--target=node20",
      ...(standalone ? [] : ["--packages=external"]),
      ...(banner ? [`--banner:js=${banner}`] : []),
      "--tsconfig=tsconfig.json",
      `--outfile=${outfile}`,
      "--log-level=warning",
    ],
    { cwd: root, stdio: "inherit", env },
  );
  return result.status ?? 1;
}

/** Exit status of the client build (0 when done). */
export function buildClient(root, env = process.env) {
  const bundle = bundleForNode(root, env, CLIENT_ENTRY, CLIENT_BUNDLE);
  if (bundle !== 0) return bundle;
  // A production install without dev dependencies still gets the client, just no .d.ts.
  let generator;
  try {
    generator = createRequire(path.join(root, "package.json")).resolve(
      "dts-bundle-generator/dist/bin/dts-bundle-generator.js",
    );
  } catch {
    console.warn("build-client: dts-bundle-generator not installed; dist/client.d.ts skipped");
    return 0;
  }
  const types = spawnSync(
    process.execPath,
    [
      generator,
      "--project",
      "tsconfig.json",
      "--no-check",
      "--silent",
      "--external-imports",
      "zod",
      "-o",
      CLIENT_TYPES,
      CLIENT_ENTRY,
    ],
    { cwd: root, stdio: "inherit", env },
  );
  return types.status ?? 1;
}

export function clientBuilt(root) {
  return existsSync(path.join(root, CLIENT_BUNDLE));
}
