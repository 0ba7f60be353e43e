// `npm start`: build when needed, then run the one server (server.ts) in production mode.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SERVER_BUNDLE, needsBuild, runBuild } from "./needs-build.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const env = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };

if (needsBuild(root)) {
  console.log("[webhook-echo] building the app (first start or sources changed)…");
  const status = runBuild(root, env);
  if (status !== 0) process.exit(status);
}

const server = spawn(process.execPath, [SERVER_BUNDLE, ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env,
});
// Forward stop signals so the server can finish in-flight deliveries and stop its database.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
