// `prisma generate` needs no schema engine, but the CLI tries to download one first; pointing
// it at any existing file skips that download (offline machines, CI). See ARCHITECTURE.md.
import { spawnSync } from "node:child_process";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";
const result = spawnSync("npx", ["prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
