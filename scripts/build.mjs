// `npm run build`: the Next production build, the bundled server entry, the client
// (webhook-echo/client in dist/) and the served CLI (dist/cli/: webhook-echo.mjs and .tgz).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runBuild } from "./needs-build.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.exit(runBuild(root, process.env, { force: true }));
