#!/usr/bin/env node
// The CLI is TypeScript (lib/cli); tsx compiles it on the fly. The repo's tsconfig is named by
// absolute path so `@/` imports resolve from wherever the command is run. (Outside the repo,
// the server hands out the same CLI bundled: /cli/webhook-echo.mjs, built by build-cli.mjs.)
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
const { runCliProcess } = await import("../lib/cli/run-cli-process.ts");
await runCliProcess({ argv: process.argv });
