// Entry of the served CLI (/cli/webhook-echo.mjs and the bin of /cli/webhook-echo.tgz), bundled
// with everything it imports by scripts/build-cli.mjs. Exports nothing: running it is the point.
import { runCliProcess } from "@/lib/cli/run-cli-process";

await runCliProcess({ argv: process.argv });
