import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

interface AxeResult {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/**
 * Runs axe-core in the real page and returns the serious and critical violations (plus
 * heading-order, which axe rates moderate but issue 15 names), each with a few of its nodes.
 */
export async function axeViolations(page: Page, where: string): Promise<string[]> {
  // The page's CSP allows only its own nonce'd scripts: the context bypasses it for axe alone.
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<unknown> } })
      .axe;
    const results = (await axe.run(document)) as { violations: AxeResult[] };
    return results.violations;
  });
  return violations
    .filter(
      (violation) =>
        violation.impact === "serious" ||
        violation.impact === "critical" ||
        violation.id === "heading-order",
    )
    .map(
      (violation) =>
        `${where}: ${violation.id} (${violation.impact}) ${violation.help}: ${violation.nodes
          .slice(0, 4)
          .map((node) => `${JSON.stringify(node.target)} ${node.failureSummary ?? ""}`)
          .join(
            " | ",
          )}${violation.nodes.length > 4 ? ` (+${violation.nodes.length - 4} more)` : ""}`,
    );
}
