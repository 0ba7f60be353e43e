import { spawn } from "node:child_process";
import os from "node:os";

export interface NodeProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node <args>` (the real CLI, a consumer script) from another directory; collects output. */
export function runNodeProcess({
  args,
  cwd = os.tmpdir(),
  env = {},
}: {
  args: string[];
  cwd?: string;
  env?: Record<string, string>;
}): Promise<NodeProcessResult> {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}
