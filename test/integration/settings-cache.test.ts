import { afterAll, beforeEach, describe, expect, inject, it } from "vitest";
import { DEFAULT_CAPTURE_CONFIG, getSettingsCache } from "@/lib/bins/get-settings-cache";
import { insertDeliveries } from "@/lib/capture/insert-deliveries";
import { encryptSecret } from "@/lib/secrets/encrypt-secret";
import { getEncryptionKey } from "@/lib/secrets/get-encryption-key";
import { buildTestDeliveryRecord } from "@/test/support/build-test-delivery-record";
import { setDatabaseUrl } from "@/lib/database-url";
import { getPgPool } from "@/lib/get-pg-pool";
import { getEventBus } from "@/lib/live/get-event-bus";
import { createTestDb } from "@/test/support/test-db";

const databaseUrl = inject("databaseUrl");
setDatabaseUrl(databaseUrl);
const db = createTestDb(databaseUrl);
afterAll(async () => {
  await getEventBus().close();
  await db.close();
  await getPgPool().end();
});
beforeEach(() => db.reset());

describe("getSettingsCache", () => {
  it("shares one frozen config among bins that hold the defaults, and reads the others", async () => {
    await db.query(
      `INSERT INTO bins (id, settings, json_schema_name) VALUES
        ('sc-default', DEFAULT, NULL), ('sc-null', 'null', NULL), ('sc-gone', '{"gone": true}', NULL),
        ('sc-schema', DEFAULT, 'orders')`,
    );
    const cache = getSettingsCache();
    const [absent, plain, nullSettings, gone, schema] = await Promise.all([
      cache.get("sc-absent"),
      cache.get("sc-default"),
      cache.get("sc-null"),
      cache.get("sc-gone"),
      cache.get("sc-schema"),
    ]);
    expect(plain).toBe(absent);
    expect(nullSettings).toBe(absent);
    expect(Object.isFrozen(absent)).toBe(true);
    expect(Object.isFrozen(absent.rules)).toBe(true);
    expect(absent).toMatchObject({ gone: false, secret: null, secretVersion: "none", rules: [] });
    expect(gone).not.toBe(absent);
    expect(gone.gone).toBe(true);
    expect(schema).not.toBe(absent);
    expect(schema.jsonSchemaName).toBe("orders");
  });

  it("the insert keeps a delivery planned with assumed defaults exactly when its bin loads as them", async () => {
    const secret = encryptSecret({ plaintext: "whsec_test", key: getEncryptionKey() });
    await db.query(
      `INSERT INTO bins (id, settings, webhook_secret_encrypted, secret_version, json_schema_name) VALUES
        ('as-default', DEFAULT, NULL, DEFAULT, NULL), ('as-null', 'null', NULL, DEFAULT, NULL),
        ('as-gone', '{"gone": true}', NULL, DEFAULT, NULL),
        ('as-status', '{"response": {"status": 503}}', NULL, DEFAULT, NULL),
        ('as-secret', DEFAULT, $1, 'v1', NULL), ('as-secret-removed', DEFAULT, NULL, 'v2', NULL),
        ('as-schema', DEFAULT, NULL, DEFAULT, 'orders')`,
      [secret],
    );
    const bins = [
      "as-absent",
      "as-default",
      "as-null",
      "as-gone",
      "as-status",
      "as-secret",
      "as-secret-removed",
      "as-schema",
    ];
    const records = bins.map((binId) => buildTestDeliveryRecord({ binId }));
    const leftOut = await insertDeliveries(records, new Set(records.map((r) => r.id)));
    const leftOutBins = records.filter((r) => leftOut.has(r.id)).map((r) => r.binId);
    const cache = getSettingsCache();
    const loaded = await Promise.all(bins.map((binId) => cache.get(binId)));
    const loadsAsDefaults = bins.filter((_, i) => loaded[i] === DEFAULT_CAPTURE_CONFIG);
    expect(loadsAsDefaults).toEqual(["as-absent", "as-default", "as-null"]);
    expect(leftOutBins).toEqual(bins.filter((bin) => !loadsAsDefaults.includes(bin)));
    const { rows } = await db.query<{ bin_id: string }>(
      "SELECT bin_id FROM deliveries ORDER BY bin_id",
    );
    expect(rows.map((row) => row.bin_id)).toEqual(["as-absent", "as-default", "as-null"]);
    // Not planned with assumed defaults: stored whatever the bin holds.
    const plain = buildTestDeliveryRecord({ binId: "as-secret" });
    expect((await insertDeliveries([plain])).size).toBe(0);
  });
});
