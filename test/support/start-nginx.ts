import { spawn } from "node:child_process";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { findClosedPort } from "@/test/support/find-closed-port";
import { waitUntil } from "@/test/support/wait-until";

export interface Nginx {
  port: number;
  baseUrl: string;
  /** What nginx printed (its error log goes to stderr). */
  output: () => string;
  /**
   * Rewrites the upstream lines (`down`: marked down, the way an operator drains an instance)
   * and reloads like `nginx -s reload`; resolves once the new worker runs. Old workers finish
   * what they hold (live streams included) and exit.
   */
  reconfigure: (options: Upstreams) => Promise<void>;
  stop: () => Promise<void>;
}

interface Upstreams {
  /** Loopback ports of the instances, one per `server` line of the site file. */
  upstreams: number[];
  down?: number[];
}

const root = path.resolve(import.meta.dirname, "..", "..");
/** The deployment file the README shows; the test changes only addresses in it. */
const NGINX_SITE_CONFIG = path.join(root, "deploy", "nginx", "webhook-echo.conf");

/** The site file with the test's listen address and one upstream address per instance. */
function adaptSiteConfig(
  site: string,
  { port, upstreams, down = [] }: Upstreams & { port: number },
) {
  const servers = [...site.matchAll(/^(\s*server\s+)\S+:\d+/gm)];
  if (servers.length !== upstreams.length || !/^\s*listen 80;$/m.test(site)) {
    throw new Error(
      `${NGINX_SITE_CONFIG}: expected "listen 80;" and ${upstreams.length} upstream server lines`,
    );
  }
  let index = 0;
  return site
    .replace(/^(\s*listen) 80;$/m, `$1 127.0.0.1:${port};`)
    .replace(/^(\s*server\s+)\S+:\d+/gm, (_, prefix: string) => {
      const upstream = upstreams[index++]!;
      return `${prefix}127.0.0.1:${upstream}${down.includes(upstream) ? " down" : ""}`;
    });
}

function waitForPort(port: number, exited: Promise<number | null>, output: () => string) {
  return new Promise<void>((resolve, reject) => {
    let done = false;
    const deadline = Date.now() + 15_000;
    void exited.then((code) => {
      if (!done) reject(new Error(`nginx exited with ${code}:\n${output()}`));
      done = true;
    });
    const attempt = () => {
      if (done) return;
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        done = true;
        resolve();
      });
      socket.once("error", () => {
        if (Date.now() > deadline) {
          done = true;
          reject(new Error(`nginx did not listen on ${port}:\n${output()}`));
        } else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

/**
 * Runs nginx in the foreground as a child of the test (no daemon, no service manager, no
 * privileged port): the repo's site file wrapped in a minimal main config, every path in a
 * temporary folder. The wrapper adds X-Served-By ($upstream_addr) to every answer, so a test
 * can tell which instance answered without any change to the app or the deployment file.
 */
export async function startNginx({
  binary,
  upstreams,
}: Upstreams & { binary: string }): Promise<Nginx> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "webhook-echo-nginx-"));
  // Run as root, nginx's workers drop to `nobody`: they must reach the temp paths.
  await chmod(dir, 0o755);
  const port = await findClosedPort();
  const siteFile = path.join(dir, "webhook-echo.conf");
  const writeSite = async (options: Upstreams) => {
    const site = await readFile(NGINX_SITE_CONFIG, "utf8");
    await writeFile(siteFile, adaptSiteConfig(site, { port, ...options }));
  };
  await writeSite({ upstreams });
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
    .map((kind) => `  ${kind}_temp_path ${path.join(dir, kind)};`)
    .join("\n");
  await writeFile(
    path.join(dir, "nginx.conf"),
    [
      "daemon off;",
      "worker_processes 1;",
      `pid ${path.join(dir, "nginx.pid")};`,
      // notice: the master says when a reload started its new worker.
      "error_log stderr notice;",
      "events { worker_connections 1024; }",
      "http {",
      "  access_log off;",
      temp,
      // Test only (inherited because the site file sets no add_header of its own).
      "  add_header X-Served-By $upstream_addr always;",
      `  include ${siteFile};`,
      "}",
      "",
    ].join("\n"),
  );

  const child = spawn(binary, ["-e", "stderr", "-p", dir, "-c", path.join(dir, "nginx.conf")], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitForPort(port, exited, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  const count = (line: string) => output.split(line).length - 1;
  const reconfigure = async (options: Upstreams) => {
    await writeSite(options);
    const [started, stopping] = [count("start worker process"), count("gracefully shutting down")];
    const mark = output.length;
    child.kill("SIGHUP");
    // Done once the new worker runs and the old one stopped taking requests (it closed its
    // idle client connections; the ones it still serves, live streams too, finish there).
    await waitUntil(() => {
      // A config nginx refuses keeps the old workers: say so instead of waiting.
      if (output.includes("[emerg]", mark)) throw new Error(`nginx reload failed:\n${output}`);
      return (
        count("start worker process") > started && count("gracefully shutting down") > stopping
      );
    }, "nginx to reload");
  };
  return { port, baseUrl: `http://127.0.0.1:${port}`, output: () => output, reconfigure, stop };
}
