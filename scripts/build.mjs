// `npm run build`: the Next production build plus the bundled server entry.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runBuild } from "./needs-build.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.exit(runBuild(root, process.env, { force: true }));
