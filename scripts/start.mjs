// `npm start`: build when needed, then run the one server (server.ts) in production mode, in
// this same process: a parent that only waited for a child would hold ~40 MB of its own.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { readFileSync } from "node:fs";
import { findNodeVersionProblem } from "./find-node-version-problem.mjs";
import { SERVER_BUNDLE, needsBuild, runBuild } from "./needs-build.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { engines } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
const versionProblem = findNodeVersionProblem({ version: process.version, range: engines.node });
if (versionProblem) {
  console.error(`[webhook-echo] ${versionProblem}`);
  process.exit(1);
}
process.env.NODE_ENV = "production";
process.env.NEXT_TELEMETRY_DISABLED = "1";

if (needsBuild(root)) {
  console.log("[webhook-echo] building the app (first start or sources changed)…");
  const status = runBuild(root, process.env);
  if (status !== 0) process.exit(status);
}

// The server resolves its files (Next's build, migrations, DATA_DIR) from the project folder.
process.chdir(root);
await import(pathToFileURL(path.join(root, SERVER_BUNDLE)).href);
