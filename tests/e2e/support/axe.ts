import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

// axe-core against WCAG 2.0–2.2 A and AA: zero violations. Each violation is printed with the
// elements it names, so a failure says what to fix.
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

export async function expectNoViolations(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const report = violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n` + v.nodes.map((n) => `    ${n.target.join(" ")}\n      ${n.failureSummary?.replace(/\n/g, "\n      ")}`).join("\n"),
  );
  if (report.length > 0) console.log(`axe on ${what}:\n  ${report.join("\n  ")}`);
  expect(report, `axe violations on ${what}`).toEqual([]);
}
