import { spawn, type ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";

const CLI = path.resolve(import.meta.dirname, "..", "..", "scripts", "webhook-echo.mjs");

export interface CliRun {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/**
 * The real `webhook-echo` executable, started from another directory (so nothing leans on the
 * cwd). Its kill is pushed onto `cleanups` for the suite's afterAll.
 */
export function startCliProcess({
  args,
  cleanups,
}: {
  args: string[];
  cleanups: Array<() => unknown>;
}): CliRun {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: os.tmpdir(),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  cleanups.push(() => child.exitCode === null && child.kill("SIGKILL"));
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}
