import { createServer, type IncomingMessage } from "node:http";
import path from "node:path";
import type { Duplex } from "node:stream";
import next from "next";
import { handleCaptureRequest } from "@/lib/capture/handle-capture-request";
import { getBinToucher } from "@/lib/capture/get-bin-toucher";
import { getDeliveryWriter } from "@/lib/capture/get-delivery-writer";
import { getRejectionCounter } from "@/lib/capture/get-rejection-counter";
import { serveCliDownload } from "@/lib/cli-download/serve-cli-download";
import { compileCallcovCheck } from "@/lib/conformance/compile-callcov-check";
import { serveBinEvents } from "@/lib/deliveries/serve-bin-events";
import { startSweeper } from "@/lib/housekeeping/start-sweeper";
import { CLIENT_IP_HEADER } from "@/lib/http/client-ip-header";
import { createClosingServerResponse } from "@/lib/http/create-closing-server-response";
import { API_SECURITY_HEADERS } from "@/lib/http/api-security-headers";
import { createAsyncStorageQuiescer } from "@/lib/http/create-async-storage-quiescer";
import { lingerAfterEarlyAnswer } from "@/lib/http/linger-after-early-answer";
import { screenNextRequest } from "@/lib/http/screen-next-request";
import { resolveClientIp } from "@/lib/http/resolve-client-ip";
import { MigrationError, runMigrations } from "@/lib/database/run-migrations";
import { startEmbeddedPostgres } from "@/lib/database/start-embedded-postgres";
import { setDatabaseUrl } from "@/lib/database-url";
import { disconnectDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { closeLiveStreams } from "@/lib/live/close-live-streams";
import { getEventBus } from "@/lib/live/get-event-bus";
import { getForwardHub } from "@/lib/live/get-forward-hub";
import { log } from "@/lib/log";
import { setSingleton } from "@/lib/singleton";

// When stdout or stderr goes away (a parent that piped them exits, a closed terminal), every
// later log line fails (EPIPE) with an 'error' event on that stream. With no listener it becomes
// an uncaught exception, which Next's uncaughtException handlers print to stderr. That write
// fails too, and the loop keeps the process at 100% CPU while it stops serving. Lines nobody
// can read are dropped instead: there is nowhere left to report a failed log write.
for (const stream of [process.stdout, process.stderr]) stream.on("error", () => {});

// Set once the embedded database runs: a fatal error must not leave it behind.
let stopEmbeddedOnFatal: (() => Promise<void>) | null = null;

async function exitFatally(error: unknown): Promise<never> {
  console.error(`[webhook-echo] fatal: ${error instanceof Error ? error.message : String(error)}`);
  await stopEmbeddedOnFatal?.().catch(() => {});
  process.exit(1);
}

// A database that is down at start must not keep the server from answering (capture says 503
// until it is back), but a failed migration must stop it: it needs a human.
async function migrateWhenReachable(databaseUrl: string, migrationsDir: string): Promise<void> {
  const attempt = async (): Promise<boolean> => {
    try {
      const result = await runMigrations({
        databaseUrl,
        migrationsDir,
        log: (message) => log("info", message),
      });
      log(
        "info",
        `database ready (${result.applied.length} migrations applied now, ${result.alreadyApplied} before)`,
      );
      return true;
    } catch (error) {
      if (error instanceof MigrationError) throw error;
      log(
        "warn",
        `database unreachable, capture answers 503 until it is back: ${error instanceof Error ? error.message : String(error)}`,
      );
      return false;
    }
  };
  if (await attempt()) return;
  const retry = () => {
    setTimeout(() => {
      attempt().then(
        (done) => done || retry(),
        (error: unknown) => void exitFatally(error),
      );
    }, 2000).unref();
  };
  retry();
}

// The live stream's path (the id as sent; serveBinEvents decodes and checks it).
const BIN_EVENTS_PATH = /^\/api\/bins\/([^/?#]+)\/events(?:\?|$)/;

// One HTTP server: /echo/* goes straight to the capture workflow (the hot path, no Next
// overhead), /cli/* to the served CLI files (static bytes with their real Content-Length),
// /api/bins/<id>/events to the live stream (a chunk per event batch per viewer, without Next's
// stream piping); every other request goes to Next's handler.
async function main(): Promise<void> {
  const env = getEnv();
  const dev = process.argv.includes("--dev");
  // Run from the project folder (npm scripts do), whether as server.ts or as the bundle.
  const dir = process.cwd();

  // Registered first, so a signal during start-up still stops the embedded database.
  let stopping = false;
  let stopEmbedded: (() => Promise<void>) | null = null;
  let stopServer: (() => Promise<void>) | null = null;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log("info", `${signal}: shutting down`);
    const force = setTimeout(() => {
      console.error("[webhook-echo] shutdown took too long; exiting");
      process.exit(1);
    }, 20_000);
    force.unref();
    await stopServer?.().catch((error: unknown) => log("warn", `shutdown: ${String(error)}`));
    if (stopEmbedded) await stopEmbedded().catch(() => {});
    process.exit(0);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => void shutdown(signal));
  }

  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    const embedded = await startEmbeddedPostgres({
      dataDir: path.resolve(dir, env.DATA_DIR),
      callerHandlesSignals: true,
      log: (message) => log("warn", message),
    });
    stopEmbedded = embedded.stop;
    stopEmbeddedOnFatal = embedded.stop;
    databaseUrl = embedded.url;
    log(
      "info",
      `DATABASE_URL not set: started embedded PostgreSQL on 127.0.0.1:${embedded.port} (data in ${env.DATA_DIR}/postgres)`,
    );
  }
  setDatabaseUrl(databaseUrl);
  await migrateWhenReachable(databaseUrl, path.join(dir, "prisma", "migrations"));

  // Prepared before the server listens, although captures need none of it: preparing Next
  // blocks the event loop for up to a second, and captures already arriving then time out on
  // their first database connections (503). See ARCHITECTURE.md, "Start-up order".
  // Next attaches its WebSocket 'upgrade' listener (dev hot reload; proxied sockets we never
  // use) to `httpServer`, else to the server of its first request. On ours, every request with
  // an Upgrade header (curl --http2's h2c, a probe) would then bypass the routing here and hang
  // unanswered, captures included. So Next gets a server that never listens; without a listener
  // Node serves such requests as plain HTTP/1.1, as the protocol allows. In dev, ours passes
  // Next's own upgrades (/_next/, hot reload) on and answers any other 400, since a request
  // handed to an 'upgrade' listener can no longer be served normally.
  const nextUpgrades = createServer();
  const app = next({ dev, dir, hostname: env.HOST, port: env.PORT, httpServer: nextUpgrades });
  const handle = app.getRequestHandler();
  // Next's AsyncLocalStorages leave a hook on every promise after its first request: off again
  // once Next has been idle a second, so captures do not pay for pages served long ago. Not in
  // dev, where Next compiles in the background between requests.
  const quiescer = dev ? null : createAsyncStorageQuiescer();
  await app.prepare();
  // Likewise the CallCov check capture runs, or the first analysis stalls every capture.
  compileCallcovCheck();

  let capturesInFlight = 0;
  const captureEnded = () => {
    capturesInFlight--;
  };
  // server.close() refuses new connections, but Node goes on reading requests from kept-alive
  // ones, which a balancer's connection pool still uses. So once stopping, every answer not yet
  // started says Connection: close (the response class checks when it starts), and after the
  // captures in flight are drained, a request still arriving is refused (the sender retries
  // elsewhere) instead of storing a delivery that would be neither announced nor answered.
  let drained = false;
  const serverOptions = {
    // Checked every second so slow-header and slow-body clients are cut off on time.
    connectionsCheckingInterval: 1000,
    ServerResponse: createClosingServerResponse({ isStopping: () => stopping }),
  };
  const server = createServer(serverOptions, (req, res) => {
    if (drained) {
      const body = { error: "unavailable", message: "This instance is shutting down; retry" };
      res.writeHead(503, { "Content-Type": "application/json", "Retry-After": "1" });
      res.end(JSON.stringify(body));
      return;
    }
    if (req.url?.startsWith("/echo/")) {
      capturesInFlight++;
      // then(ok, failed) rather than catch().finally(): two promises fewer per capture.
      handleCaptureRequest({ req, res }).then(captureEnded, (error: unknown) => {
        log("error", "capture crashed", { error: String(error) });
        if (!res.headersSent) res.writeHead(500).end();
        captureEnded();
      });
      return;
    }
    if (req.url?.startsWith("/cli/")) {
      // Takes no body: one sent anyway is dropped after the answer, bounded.
      lingerAfterEarlyAnswer({ req, res });
      serveCliDownload({ req, res }).catch((error: unknown) => {
        log("error", "cli download failed", { error: String(error) });
        if (!res.headersSent) res.writeHead(500).end();
      });
      return;
    }
    const clientIp = resolveClientIp({
      socketAddress: req.socket.remoteAddress,
      forwardedFor: req.headers["x-forwarded-for"],
      trustProxy: env.TRUST_PROXY,
    });
    const events = req.url ? BIN_EVENTS_PATH.exec(req.url) : null;
    if (events) {
      lingerAfterEarlyAnswer({ req, res });
      serveBinEvents({ req, res, rawBinId: events[1]!, clientIp }).catch((error: unknown) => {
        log("error", "live stream failed", { error: String(error) });
        if (!res.headersSent) res.writeHead(500).end();
      });
      return;
    }
    if (!env.TRUST_PROXY) {
      // Only a trusted proxy may say which host and scheme the client used. Next fills these
      // from the Host header and the socket when they are missing (its request.url, redirects
      // and our echo/view URLs and cookie Secure flag then follow the real request).
      delete req.headers["x-forwarded-host"];
      delete req.headers["x-forwarded-proto"];
      delete req.headers["x-forwarded-port"];
    }
    req.headers[CLIENT_IP_HEADER] = clientIp;
    lingerAfterEarlyAnswer({ req, res });
    const refused = screenNextRequest({ method: req.method ?? "GET", url: req.url ?? "" });
    if (refused) {
      const body = JSON.stringify({ error: refused.error, message: refused.message });
      res.writeHead(refused.status, {
        ...API_SECURITY_HEADERS,
        "Cache-Control": "no-store",
        "Content-Type": "application/json; charset=utf-8",
        "Content-Length": String(Buffer.byteLength(body)),
        ...(refused.allow ? { Allow: refused.allow } : {}),
      });
      res.end(req.method === "HEAD" ? undefined : body);
      return;
    }
    if (!quiescer) return void handle(req, res);
    // Next's work for a request ends when both its handler and the response have.
    const ended = quiescer.begin();
    let open = 2;
    const settle = () => void (--open === 0 && ended());
    res.once("close", settle);
    handle(req, res).then(settle, settle);
  });
  if (dev) {
    server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (req.url?.startsWith("/_next/"))
        return void nextUpgrades.emit("upgrade", req, socket, head);
      socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    });
  }
  // CONNECT asks for a tunnel, which this server never opens (without a listener Node drops
  // the socket unanswered).
  server.on("connect", (_req: IncomingMessage, socket: Duplex) => {
    socket.end("HTTP/1.1 501 Not Implemented\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
  });
  // Count every header ourselves (431 over MAX_HEADER_COUNT) instead of Node silently
  // dropping those past 2000.
  server.maxHeadersCount = 0;
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = env.HEADERS_TIMEOUT_MS;
  // Time to receive the whole request (a 10 MiB upload on a slow link), not to answer it.
  server.requestTimeout = env.REQUEST_TIMEOUT_MS;

  // A port that is taken (or not ours to bind) must stop the start with exit 1: unhandled, the
  // 'error' event reaches Next's uncaughtException handler, which exits 0 as if all were well.
  await new Promise<void>((resolve, reject) => {
    const refused = (error: NodeJS.ErrnoException) => {
      const why = error.code === "EADDRINUSE" ? "the address is in use" : error.message;
      reject(new Error(`cannot listen on ${env.HOST}:${env.PORT}: ${why} (set PORT or HOST)`));
    };
    server.once("error", refused);
    server.listen(env.PORT, env.HOST, () => {
      server.off("error", refused);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  setSingleton("listenPort", port);
  log("info", `listening on http://localhost:${port} (${dev ? "development" : "production"})`);

  const stopSweeper = startSweeper();
  // Listens for `forward --respond` presence from the start: a capture must know whether a
  // responder is connected on any instance.
  getForwardHub();

  // Graceful order: stop accepting, tell live views to reconnect elsewhere, let every
  // in-flight capture commit and be answered, then release the database.
  stopServer = async () => {
    server.close();
    server.closeIdleConnections();
    const sweepFinished = stopSweeper();
    closeLiveStreams();
    const deadline = Date.now() + 15_000;
    while (capturesInFlight > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    drained = true;
    await getDeliveryWriter().drain();
    await getRejectionCounter().flush();
    await getBinToucher().flush();
    await getEventBus()
      .close()
      .catch(() => {});
    // Its connections too, or stopping the embedded database cuts them with a warning.
    await getForwardHub()
      .close()
      .catch(() => {});
    await app.close().catch(() => {});
    server.closeAllConnections();
    await sweepFinished;
    await disconnectDb().catch(() => {});
  };
}

main().catch((error: unknown) => void exitFatally(error));
