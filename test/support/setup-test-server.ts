import { afterAll, beforeAll, beforeEach, inject } from "vitest";
import { startTestServer, type TestServer } from "@/test/support/start-test-server";
import { createTestDb } from "@/test/support/test-db";

export interface TestServerContext {
  databaseUrl: string;
  db: ReturnType<typeof createTestDb>;
  /** Set once the suite's beforeAll ran. */
  server: TestServer;
  /** Creates a bin through the API, as a browser would. */
  createBin: () => Promise<CreatedBin>;
  /** PUT /api/bins/<id>/settings, with the owner token when given. */
  putSettings: (binId: string, body: unknown, ownerToken?: string) => Promise<Response>;
}

export interface CreatedBin {
  id: string;
  ownerToken: string;
  echoUrl: string;
  viewUrl: string;
}

/**
 * The usual suite setup: one real server for the file, direct database access for assertions,
 * every table emptied before each test (`resetEachTest: false` keeps rows across tests).
 */
export function setupTestServer({
  env,
  resetEachTest = true,
}: { env?: Record<string, string>; resetEachTest?: boolean } = {}): TestServerContext {
  const databaseUrl = inject("databaseUrl");
  const context = {
    databaseUrl,
    db: createTestDb(databaseUrl),
    async createBin() {
      const response = await fetch(`${context.server.baseUrl}/api/bins`, { method: "POST" });
      if (response.status !== 201) throw new Error(`POST /api/bins answered ${response.status}`);
      return (await response.json()) as CreatedBin;
    },
    putSettings(binId: string, body: unknown, ownerToken?: string) {
      return fetch(`${context.server.baseUrl}/api/bins/${binId}/settings`, {
        method: "PUT",
        headers: {
          "Content-Type": "application/json",
          ...(ownerToken ? { Authorization: `Bearer ${ownerToken}` } : {}),
        },
        body: JSON.stringify(body),
      });
    },
  } as TestServerContext;
  beforeAll(async () => {
    context.server = await startTestServer({ databaseUrl, env });
  });
  afterAll(async () => {
    await context.server?.stop();
    await context.db.close();
  });
  if (resetEachTest) beforeEach(() => context.db.reset());
  return context;
}
