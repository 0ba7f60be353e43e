// Reference for `npm run bench`: the same capture contract (store the request, answer 200 with
// its id after the commit) on bare node:http + pg with group commit, into the same tables.
// It has none of the product around it: no Next, no Prisma, no limits, no live bus.
import { createHash, randomBytes } from "node:crypto";
import http from "node:http";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const MAX_IN_FLIGHT = 4;
const MAX_ROWS = 100;
const queue = [];
let inFlight = 0;
let scheduled = false;

function uuidV7() {
  const bytes = randomBytes(16);
  let ms = Date.now();
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

async function insert(batch) {
  const bins = [...new Set(batch.map((item) => item.row[1]))];
  const values = [];
  const params = [];
  for (const item of batch) {
    const base = params.length;
    params.push(...item.row);
    values.push(`(${item.row.map((_, i) => `$${base + i + 1}`).join(", ")})`);
  }
  const binParams = bins.map((_, i) => `($${params.length + i + 1}, now(), now())`);
  params.push(...bins);
  await pool.query(
    `WITH new_bins AS (INSERT INTO bins (id, created_at, last_delivery_at) VALUES ${binParams.join(", ")} ON CONFLICT (id) DO NOTHING)
     INSERT INTO deliveries (id, bin_id, method, path, query, headers, body, body_size, body_sha256, content_type, remote_address, received_at)
     VALUES ${values.join(", ")}`,
    params,
  );
}

function pump() {
  scheduled = false;
  while (inFlight < MAX_IN_FLIGHT && queue.length > 0) {
    const batch = queue.splice(0, MAX_ROWS);
    inFlight++;
    insert(batch)
      .then(
        () => batch.forEach((item) => item.resolve()),
        (error) => batch.forEach((item) => item.reject(error)),
      )
      .finally(() => {
        inFlight--;
        pump();
      });
  }
}

function write(row) {
  return new Promise((resolve, reject) => {
    queue.push({ row, resolve, reject });
    if (!scheduled) {
      scheduled = true;
      queueMicrotask(pump);
    }
  });
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", () => {
    const [pathname, query = ""] = (req.url ?? "/").split("?");
    const [, , binId = "x", ...rest] = pathname.split("/");
    const body = Buffer.concat(chunks);
    const headers = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2)
      headers.push([req.rawHeaders[i], req.rawHeaders[i + 1]]);
    const id = uuidV7();
    const row = [
      id,
      binId,
      req.method,
      rest.length ? `/${rest.join("/")}` : "",
      query,
      JSON.stringify(headers),
      body,
      body.length,
      createHash("sha256").update(body).digest("hex"),
      req.headers["content-type"] ?? null,
      req.socket.remoteAddress ?? null,
      new Date(),
    ];
    write(row).then(
      () => {
        const payload = JSON.stringify({ received: true, deliveryId: id });
        res.writeHead(200, {
          "Content-Type": "application/json",
          "Content-Length": Buffer.byteLength(payload),
        });
        res.end(payload);
      },
      () => {
        res.writeHead(503, { "Retry-After": "5" });
        res.end();
      },
    );
  });
});
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  console.log(`listening on http://localhost:${server.address().port}`);
});
process.on("SIGTERM", () => server.close(() => pool.end().then(() => process.exit(0))));
