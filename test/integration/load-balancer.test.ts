import { randomUUID } from "node:crypto";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { findNginxBinary } from "@/test/support/find-nginx-binary";
import { openEventSource, type EventSourceViewer } from "@/test/support/open-event-source";
import { openSseStream } from "@/test/support/read-sse-events";
import { sendRawHttp } from "@/test/support/send-raw-http";
import { startNginx, type Nginx } from "@/test/support/start-nginx";
import { startTestServer, type TestServer } from "@/test/support/start-test-server";
import { createTestDb } from "@/test/support/test-db";
import { waitUntil } from "@/test/support/wait-until";

// Issue 18, item 4: two real instances behind a real nginx running deploy/nginx/webhook-echo.conf
// (the README's config). Clients talk only to nginx; the test signals only the instance
// processes. Outside CI a machine without nginx skips this file; under CI=true it must fail.
const nginxBinary = findNginxBinary();
if (!nginxBinary && process.env.CI === "true") {
  throw new Error("nginx not found and CI=true: .ci/run installs it (apt-get install -y nginx)");
}
if (!nginxBinary) {
  console.warn(
    "load-balancer.test.ts SKIPPED: nginx is not installed (apt-get install -y nginx, or NGINX_PATH)",
  );
}

const databaseUrl = inject("databaseUrl");
// What a deployment behind a balancer sets: client address and public URL from its headers.
const INSTANCE_ENV = { TRUST_PROXY: "true" };

interface Ack {
  deliveryId: string;
  /** Which instance stored it ($upstream_addr; the last one when nginx tried several). */
  servedBy: string;
  /** What came before the 200, each retried as a webhook sender would (5xx, dropped). */
  failures: string[];
}

function postOnNewConnection(url: string, body: string) {
  return new Promise<{ status: number; servedBy: string | null; body: string } | null>(
    (resolve) => {
      const request = http.request(url, { method: "POST", agent: false }, (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => {
          const servedBy = response.headers["x-served-by"];
          resolve({ status: response.statusCode!, servedBy: String(servedBy ?? ""), body: text });
        });
        response.on("error", () => resolve(null));
      });
      request.on("error", () => resolve(null));
      request.end(body);
    },
  );
}

/** The instance that answered: nginx lists every upstream it tried, the last one answered. */
function lastUpstream(servedBy: string | null): string {
  return servedBy?.split(",").at(-1)?.trim() ?? "";
}

describe.skipIf(!nginxBinary)("two instances behind nginx", () => {
  const db = createTestDb(databaseUrl);
  /** The instances by name; X-Served-By names them by address. */
  const instances = new Map<string, TestServer>();
  let nginx: Nginx;
  const name = (servedBy: string | null) => {
    for (const [key, server] of instances) {
      if (lastUpstream(servedBy) === `127.0.0.1:${server.port}`) return key;
    }
    return `unknown (${servedBy})`;
  };

  /**
   * Sends like a webhook sender: 5xx and dropped connections are retried, a 200 is final.
   * Each attempt on a fresh connection, so what fails is the balancer's side, never a race on
   * an idle client connection that nginx's own reload closes.
   */
  async function capture(binId: string, body: string): Promise<Ack> {
    const failures: string[] = [];
    while (failures.length <= 20) {
      const answer = await postOnNewConnection(`${nginx.baseUrl}/echo/${binId}`, body);
      if (answer?.status === 200) {
        const { deliveryId } = JSON.parse(answer.body) as { deliveryId: string };
        return { deliveryId, servedBy: name(answer.servedBy), failures };
      }
      if (answer) {
        expect(answer.status, "only a 5xx may be retried").toBeGreaterThanOrEqual(500);
        failures.push(`${answer.status} ${answer.body}`);
      } else failures.push("connection dropped");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`capture to ${binId} failed 21 times`);
  }

  beforeAll(async () => {
    await db.reset();
    const [a, b] = await Promise.all([
      startTestServer({ databaseUrl, env: INSTANCE_ENV }),
      startTestServer({ databaseUrl, env: INSTANCE_ENV }),
    ]);
    instances.set("a", a).set("b", b);
    nginx = await startNginx({ binary: nginxBinary!, upstreams: [a.port, b.port] });
  });
  afterAll(async () => {
    const problems = nginx
      ?.output()
      .split("\n")
      .filter((line) => /\[(warn|error|crit)\]/.test(line));
    if (problems?.length) console.log(`[load-balancer] nginx logged:\n${problems.join("\n")}`);
    await nginx?.stop();
    await Promise.all([...instances.values()].map((server) => server.stop()));
    await db.close();
  });

  it("spreads captures over both instances and stores every one", async () => {
    const binId = `lb-spread-${randomUUID().slice(0, 8)}`;
    const acks: Array<{ deliveryId: string; servedBy: string }> = [];
    for (let i = 0; i < 20; i++) {
      const response = await fetch(`${nginx.baseUrl}/echo/${binId}`, {
        method: "POST",
        body: `capture ${i}`,
      });
      expect(response.status).toBe(200);
      const { deliveryId } = (await response.json()) as { deliveryId: string };
      acks.push({ deliveryId, servedBy: name(response.headers.get("x-served-by")) });
    }
    const perInstance = { a: 0, b: 0 } as Record<string, number>;
    for (const ack of acks) perInstance[ack.servedBy] = (perInstance[ack.servedBy] ?? 0) + 1;
    console.log(
      `[load-balancer] 20 captures through nginx: a=${perInstance.a}, b=${perInstance.b}`,
    );
    expect(Object.keys(perInstance).sort()).toEqual(["a", "b"]);
    expect(perInstance.a).toBeGreaterThan(0);
    expect(perInstance.b).toBeGreaterThan(0);

    const { rows } = await db.query<{ id: string; body: Buffer }>(
      "SELECT id, body FROM deliveries WHERE bin_id = $1 ORDER BY id",
      [binId],
    );
    expect(rows.map((row) => row.id).sort()).toEqual(acks.map((ack) => ack.deliveryId).sort());
    expect(new Set(rows.map((row) => row.body.toString())).size).toBe(20);
  });

  it("passes a live event on at once: nginx does not buffer the stream", async () => {
    const binId = `lb-sse-${randomUUID().slice(0, 8)}`;
    // A buffering proxy may not even send the headers until its buffer fills.
    let timer: NodeJS.Timeout | undefined;
    const stream = await Promise.race([
      openSseStream(`${nginx.baseUrl}/api/bins/${binId}/events`),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error("no stream headers: buffered?")), 15_000);
      }),
    ]).finally(() => clearTimeout(timer));
    expect(stream.status).toBe(200);
    await stream.waitFor((e) => e.event === "ready");
    let streamEnded = false;
    void stream.ended.then(() => (streamEnded = true));

    const latencies: number[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await fetch(`${nginx.baseUrl}/echo/${binId}`, { method: "POST" });
      expect(response.status).toBe(200);
      const answeredAt = performance.now();
      const { deliveryId } = (await response.json()) as { deliveryId: string };
      // A buffering proxy holds a few hundred bytes until its buffer fills or the stream ends;
      // this stream stays open (20 s heartbeats), so a buffered event would never arrive here.
      const event = await stream.waitFor((e) => e.event === "delivery" && e.id === deliveryId);
      expect(streamEnded).toBe(false);
      latencies.push(Math.round(event.at - answeredAt));
    }
    console.log(
      `[load-balancer] capture 200 -> SSE event through nginx (ms, may be < 0): ${latencies.join(", ")}`,
    );
    stream.close();
  });

  it("keeps a capture as sent: header case and order, underscores, the raw target", async () => {
    const binId = `lb-exact-${randomUUID().slice(0, 8)}`;
    const sent: Array<[string, string]> = [
      ["Stripe-Signature", "t=1,v1=abc"],
      ["X-Dup", "one"],
      ["x-lower-case", "2"],
      ["X_Under_Score", "3"],
      ["X-Dup", "two"],
      ["Content-Type", "text/plain"],
    ];
    const head = [
      `POST /echo/${binId}/a/b%2Fc?z=%ZZ&a=1&a=2&&flag HTTP/1.1`,
      "Host: hooks.example",
      ...sent.map(([n, v]) => `${n}: ${v}`),
      "Content-Length: 5",
      "Connection: close",
      "",
      "hello",
    ].join("\r\n");
    const response = await sendRawHttp({ port: nginx.port, data: head });
    expect(response?.status).toBe(200);
    const { deliveryId } = JSON.parse(response!.body.toString()) as { deliveryId: string };
    const { rows } = await db.query<{
      path: string;
      query: string;
      headers: Array<[string, string]>;
      body: Buffer;
    }>("SELECT path, query, headers, body FROM deliveries WHERE id = $1", [deliveryId]);
    const row = rows[0]!;
    expect(row).toMatchObject({ path: "/a/b%2Fc", query: "z=%ZZ&a=1&a=2&&flag" });
    expect(row.body.toString()).toBe("hello");
    const names = new Set(sent.map(([n]) => n));
    expect(row.headers.filter(([n]) => names.has(n))).toEqual(sent);
    expect(row.headers).toContainEqual(["Host", "hooks.example"]);
  });

  it("does not let a client choose its address or the public URL (TRUST_PROXY is on)", async () => {
    const spoofed = {
      "X-Forwarded-For": "203.0.113.9",
      "X-Forwarded-Host": "attacker.example",
      "X-Forwarded-Proto": "https",
      "X-Forwarded-Port": "8443",
    };
    const answer = await fetch(`${nginx.baseUrl}/echo/lb-spoof`, {
      method: "POST",
      headers: spoofed,
    });
    expect(answer.status).toBe(200);
    const { deliveryId } = (await answer.json()) as { deliveryId: string };
    const { rows } = await db.query<{ remote_address: string }>(
      "SELECT remote_address FROM deliveries WHERE id = $1",
      [deliveryId],
    );
    expect(rows[0]?.remote_address).toBe("127.0.0.1");

    const created = await fetch(`${nginx.baseUrl}/api/bins`, { method: "POST", headers: spoofed });
    expect(created.status).toBe(201);
    const bin = (await created.json()) as { id: string; echoUrl: string };
    // nginx's own view of the request: the Host the client used, plain http, no Secure cookie.
    expect(bin.echoUrl).toBe(`${nginx.baseUrl}/echo/${bin.id}`);
    expect(created.headers.get("set-cookie")).not.toMatch(/Secure/i);
  });

  it("answers the health checks through the balancer", async () => {
    const health = await fetch(`${nginx.baseUrl}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${nginx.baseUrl}/api/ready`);
    expect(ready.status).toBe(200);
  });

  /**
   * Four viewers watch a fresh bin through nginx (round robin puts them on both instances);
   * captures go in before, while and after `victim` is stopped with SIGTERM (after `drain`,
   * when given). Every viewer must end with exactly the stored deliveries, those of the
   * victim having reconnected to the survivor with Last-Event-ID.
   */
  async function stopWhileWatched({
    victim,
    survivor,
    drain,
  }: {
    victim: string;
    survivor: string;
    drain?: (acks: Ack[]) => Promise<void>;
  }) {
    const binId = `lb-failover-${randomUUID().slice(0, 8)}`;
    // At least four, and some on each instance (round robin; a client connection kept alive
    // across a reload may still reach nginx's old worker and its old upstream list).
    const viewers: EventSourceViewer[] = [];
    const firstServer: string[] = [];
    while (viewers.length < 4 || !firstServer.includes(victim) || !firstServer.includes(survivor)) {
      expect(viewers.length, `viewers on ${firstServer.join(" ")}`).toBeLessThan(12);
      const viewer = openEventSource({ url: `${nginx.baseUrl}/api/bins/${binId}/events` });
      await waitUntil(() => viewer.readyAt.length > 0, `viewer ${viewers.length} ready`);
      viewers.push(viewer);
      firstServer.push(name(viewer.connections[0]!.servedBy));
    }

    const acks: Ack[] = [];
    for (let i = 0; i < 5; i++) acks.push(await capture(binId, `before ${i}`));
    // Two senders keep sending through the drain, the stop and the exit.
    let exited = false;
    const sender = async (lane: number) => {
      for (let i = 0; !exited || i < 5; i++) acks.push(await capture(binId, `during ${lane}.${i}`));
    };
    const senders = Promise.all([sender(0), sender(1)]);
    await drain?.(acks);
    const code = await instances.get(victim)!.stop("SIGTERM");
    exited = true;
    await senders;
    expect(code).toBe(0);
    for (let i = 0; i < 5; i++) acks.push(await capture(binId, `after ${i}`));

    const { rows } = await db.query<{ id: string }>(
      "SELECT id FROM deliveries WHERE bin_id = $1 ORDER BY id",
      [binId],
    );
    const stored = rows.map((row) => row.id);
    // Every acknowledged capture is stored (one a sender retried may be stored twice: both show).
    expect(stored).toEqual(expect.arrayContaining(acks.map((ack) => ack.deliveryId)));
    await waitUntil(
      () => viewers.every((viewer) => stored.every((id) => viewer.deliveryIds.includes(id))),
      "every viewer to have every stored delivery",
    ).catch(() => {}); // the assertions below name what is missing
    const who = new Map(acks.map((ack, index) => [ack.deliveryId, `#${index} by ${ack.servedBy}`]));
    for (const [index, viewer] of viewers.entries()) {
      const seen = `viewer ${index} (${JSON.stringify(viewer.connections.map((c) => name(c.servedBy)))})`;
      expect(viewer.readyState(), `${seen} gave up`).not.toBe(2); // EventSource.CLOSED
      expect(viewer.connections.every((connection) => connection.status === 200)).toBe(true);
      // Nothing missed, nothing foreign; duplicates (the catch-up's look-back overlap) dedupe.
      const missing = stored.filter((id) => !viewer.deliveryIds.includes(id));
      expect(
        missing.map((id) => `${id} ${who.get(id) ?? "not acknowledged"}`),
        seen,
      ).toEqual([]);
      expect([...new Set(viewer.deliveryIds)].sort()).toEqual([...stored].sort());
      if (firstServer[index] === victim) {
        const resumed = viewer.connections.slice(1);
        expect(resumed.length).toBeGreaterThan(0);
        expect(name(resumed.at(-1)!.servedBy)).toBe(survivor);
        expect(resumed.every((connection) => connection.lastEventId !== null)).toBe(true);
      } else {
        expect(viewer.connections).toHaveLength(1);
      }
    }
    for (const viewer of viewers) viewer.close();

    const moved = viewers.filter((_, index) => firstServer[index] === victim);
    const gaps = moved.map((viewer) => Math.round(viewer.readyAt.at(-1)! - viewer.errorAt[0]!));
    const duplicates = viewers.map((viewer) => viewer.deliveryIds.length - stored.length);
    const failures = acks.flatMap((ack) => ack.failures.map((failure) => failure.slice(0, 40)));
    const during = acks.slice(5, -5);
    console.log(
      `[load-balancer] ${drain ? "drain, then " : ""}SIGTERM ${victim} (viewers on ${firstServer.join(" ")}): ` +
        `${acks.length} captures acknowledged (${during.length} meanwhile, ` +
        `${during.filter((ack) => ack.servedBy === victim).length} of them by ${victim}), ` +
        `${stored.length} stored; sender retries: ${failures.length} [${failures.join(" | ")}]; ` +
        `viewers moved to ${survivor} (stream end -> ready, ms): ${gaps.join(", ")}; ` +
        `duplicate events before dedupe: ${duplicates.join(", ")}`,
    );
    return { failures };
  }

  it("moves the viewers of a stopped instance to the other one with Last-Event-ID, missing nothing", async () => {
    // Stopped without telling nginx, a sender may see one error, which it retries: a 502 when
    // nginx sent the POST on a kept-alive connection just as the instance closed it (nginx
    // never re-sends a POST), or the instance's own 503 once it has drained.
    const { failures } = await stopWhileWatched({ victim: "a", survivor: "b" });
    for (const failure of failures) expect(failure).toMatch(/^(502|503) /);
  });

  it("drained first (marked down, nginx reloaded), a stopped instance costs senders nothing", async () => {
    instances.set("c", await startTestServer({ databaseUrl, env: INSTANCE_ENV }));
    const ports = () => [instances.get("b")!.port, instances.get("c")!.port];
    await nginx.reconfigure({ upstreams: ports() });
    const { failures } = await stopWhileWatched({
      victim: "c",
      survivor: "b",
      drain: async (acks) => {
        await nginx.reconfigure({ upstreams: ports(), down: [instances.get("c")!.port] });
        // Requests nginx's old worker already took may still reach c; then all go to b.
        const from = acks.length;
        await waitUntil(() => {
          const recent = acks.slice(from).slice(-6);
          return recent.length === 6 && recent.every((ack) => ack.servedBy === "b");
        }, "six captures in a row on b after the reload");
      },
    });
    expect(failures).toEqual([]);
  });
});
