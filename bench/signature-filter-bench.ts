import { createHash, randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import type { DeliveryRecord } from "@/lib/capture/delivery-record";
import { insertDeliveries } from "@/lib/capture/insert-deliveries";
import { runMigrations } from "@/lib/database/run-migrations";
import { listDeliveryPage } from "@/lib/deliveries/list-delivery-page";
import { createUuidV7 } from "@/lib/ids/create-uuid-v7";
import { setDatabaseUrl } from "@/lib/database-url";
import { getDb } from "@/lib/db";
import { encryptSecret } from "@/lib/secrets/encrypt-secret";
import { getEncryptionKey } from "@/lib/secrets/get-encryption-key";
import { signCallcovBody } from "@/lib/signatures/sign-callcov-body";

// `npx tsx bench/signature-filter-bench.ts`: the "Invalid" signature filter on a bin of N
// CallCov deliveries (issue 15 measured 1.5 s at 1,000), in a scratch database: once right
// after the secret was set (every verdict stale) and once warm.
const admin = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const N = Number(process.env.DELIVERIES ?? 1000);
const name = `sigbench_${process.pid}`;
const adminClient = new pg.Client({ connectionString: admin });
await adminClient.connect();
await adminClient.query(`CREATE DATABASE ${name}`);
const url = admin.replace(/\/[^/]*$/, `/${name}`);
try {
  await runMigrations({ databaseUrl: url });
  setDatabaseUrl(url);
  const db = getDb();
  const binId = "sigbench";
  const body = JSON.stringify({
    id: "an_x",
    object: "analysis",
    status: "completed",
    pad: "x".repeat(4000),
  });
  const good = await signCallcovBody({ body, secret: "s3cret" });
  for (let start = 0; start < N; start += 100) {
    const records: DeliveryRecord[] = [];
    for (let i = start; i < Math.min(N, start + 100); i++) {
      const bytes = Buffer.from(body);
      records.push({
        id: createUuidV7({ now: Date.now, randomBytes }),
        binId,
        method: "POST",
        path: "/webhooks/analysis",
        query: "",
        // Every 10th is forged.
        headers: [
          ["Content-Type", "application/json"],
          ["X-CallCov-Signature", i % 10 === 0 ? "0".repeat(64) : good],
        ],
        body: bytes,
        bodySize: bytes.length,
        bodySha256: createHash("sha256").update(bytes).digest("hex"),
        contentType: "application/json",
        remoteAddress: "127.0.0.1",
        receivedAt: new Date(),
        analysisId: `an_${i}`,
        analysisStatus: "completed",
        analysisAgent: null,
        responseStatus: 200,
        response: { status: 200 },
        signature: null,
        signatureVersion: null,
        conformanceSchema: null,
        conformanceValid: null,
      });
    }
    await insertDeliveries(records);
  }
  const measure = async (label: string) => {
    const started = performance.now();
    const page = await listDeliveryPage({ binId, limit: 50, filter: { signature: "invalid" } });
    console.log(
      `${label.padEnd(34)} ${(performance.now() - started).toFixed(0).padStart(6)} ms  (${page.deliveries.length} rows)`,
    );
  };
  await db.bin.update({
    where: { id: binId },
    data: {
      webhookSecretEncrypted: encryptSecret({ plaintext: "s3cret", key: getEncryptionKey() }),
      secretVersion: randomUUID(),
    },
  });
  await measure(`${N} deliveries, secret just set`);
  await measure(`${N} deliveries, warm`);
  await measure(`${N} deliveries, warm again`);
} finally {
  await getDb().$disconnect();
  await adminClient.query(`DROP DATABASE ${name} WITH (FORCE)`);
  await adminClient.end();
}
