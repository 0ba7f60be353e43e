import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };

export default defineConfig({
  resolve: { alias },
  test: {
    reporters: ["default", "./test/support/flaky-test-reporter.ts"],
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["test/**/*.test.ts"],
          // Prepares one fresh database and the production build for every suite.
          globalSetup: ["test/support/global-setup.ts"],
          // Suites start real servers and share one database: run files one at a time.
          fileParallelism: false,
          testTimeout: 60_000,
          // CI (a loaded 2-core machine, ~250 files of real servers) retries a failed test once,
          // so that one lost race does not hold back the whole run; the flaky-test reporter
          // names every test that needed it. Locally a failure is final.
          retry: process.env.CI ? 1 : 0,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
