import type { Reporter, TestModule } from "vitest/node";

/**
 * Lists, after the run, every test that failed and then passed on a retry (CI allows one, see
 * vitest.config.ts): a green run must not hide a race, so each is named for fixing.
 */
export default class FlakyTestReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const flaky: string[] = [];
    for (const testModule of testModules) {
      for (const test of testModule.children.allTests()) {
        if (test.diagnostic()?.flaky)
          flaky.push(`${testModule.relativeModuleId} > ${test.fullName}`);
      }
    }
    if (flaky.length === 0) return;
    const lines = flaky.map((name) => `  - ${name}`).join("\n");
    process.stdout.write(
      `\nFLAKY: ${flaky.length} test(s) failed, then passed on a retry. Fix each race:\n${lines}\n`,
    );
  }
}
