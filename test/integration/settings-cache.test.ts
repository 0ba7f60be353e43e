import { afterAll, beforeEach, describe, expect, inject, it } from "vitest";
import { getSettingsCache } from "@/lib/bins/get-settings-cache";
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
});
