// Builds the CLI that the server hands out to people who never cloned this repo (issue 17):
//   dist/cli/webhook-echo.mjs  one file, everything bundled in (zod too), `node webhook-echo.mjs`
//   dist/cli/webhook-echo.tgz  an npm package of it (+ webhook-echo/client), for
//                              `npx <server>/cli/webhook-echo.tgz <command>`
// Whatever commands lib/cli/run-cli.ts dispatches are in it: the entry is lib/cli/cli-main.ts.
// The tarball comes from `npm pack` of a staged folder: npm itself writes fixed mtimes
// (1985-10-26), sorted entries and a gzip header without a timestamp, so the same sources give
// the same bytes (and the same ETag) on every build and every instance.
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { bundleForNode, CLIENT_ENTRY, CLIENT_TYPES } from "./build-client.mjs";

export const CLI_DIR = path.join("dist", "cli");
export const CLI_FILE = path.join(CLI_DIR, "webhook-echo.mjs");
export const CLI_TARBALL = path.join(CLI_DIR, "webhook-echo.tgz");
const CLI_ENTRY = path.join("lib", "cli", "cli-main.ts");

// Checked first, so an old Node gets a clear message instead of a syntax or fetch error.
const BANNER = [
  "#!/usr/bin/env node",
  "// webhook-echo CLI, bundled (see the server's /cli/). Needs Node >= 20.",
  'if (Number(process.versions.node.split(".")[0]) < 20) { console.error("webhook-echo: needs Node.js 20 or newer (this is " + process.version + ")"); process.exit(1); }',
].join("\n");

function packageJson(root, { withTypes }) {
  const { version, description } = JSON.parse(
    readFileSync(path.join(root, "package.json"), "utf8"),
  );
  return {
    name: "webhook-echo",
    version,
    description,
    type: "module",
    bin: { "webhook-echo": "./webhook-echo.mjs" },
    exports: {
      "./client": {
        ...(withTypes ? { types: "./client.d.ts" } : {}),
        import: "./client.mjs",
        default: "./client.mjs",
      },
      "./package.json": "./package.json",
    },
    engines: { node: ">=20" },
    // Nothing to install: both files carry their dependencies. Only the client's .d.ts names
    // zod's types, which a TypeScript project that has zod resolves.
    peerDependencies: { zod: "^4" },
    peerDependenciesMeta: { zod: { optional: true } },
  };
}

/** Exit status of the CLI build (0 when done); run after buildClient (it reuses dist/client.d.ts). */
export function buildCli(root, env = process.env) {
  mkdirSync(path.join(root, CLI_DIR), { recursive: true });
  const file = bundleForNode(root, env, CLI_ENTRY, CLI_FILE, { standalone: true, banner: BANNER });
  if (file !== 0) return file;
  chmodSync(path.join(root, CLI_FILE), 0o755);

  const stage = mkdtempSync(path.join(os.tmpdir(), "webhook-echo-cli-"));
  try {
    copyFileSync(path.join(root, CLI_FILE), path.join(stage, "webhook-echo.mjs"));
    chmodSync(path.join(stage, "webhook-echo.mjs"), 0o755);
    // The client again, standalone: the repo's dist/client.mjs imports zod from node_modules.
    const client = bundleForNode(root, env, CLIENT_ENTRY, path.join(stage, "client.mjs"), {
      standalone: true,
    });
    if (client !== 0) return client;
    // Absent when dev dependencies are (dts-bundle-generator; see build-client.mjs).
    const withTypes = existsSync(path.join(root, CLIENT_TYPES));
    if (withTypes) copyFileSync(path.join(root, CLIENT_TYPES), path.join(stage, "client.d.ts"));
    writeFileSync(
      path.join(stage, "package.json"),
      `${JSON.stringify(packageJson(root, { withTypes }), null, 2)}\n`,
    );
    const pack = spawnSync(
      "npm",
      ["pack", "--json", "--ignore-scripts", "--pack-destination", stage],
      { cwd: stage, env, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
    );
    if (pack.status !== 0) return pack.status ?? 1;
    const [{ filename }] = JSON.parse(pack.stdout);
    // Copied, not renamed: the temp folder may be on another file system.
    copyFileSync(path.join(stage, filename), path.join(root, CLI_TARBALL));
    return 0;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

export function cliBuilt(root) {
  return existsSync(path.join(root, CLI_FILE)) && existsSync(path.join(root, CLI_TARBALL));
}
