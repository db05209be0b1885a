import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

// axe-core against WCAG 2.0–2.2 A and AA: zero violations. Each violation is printed with the
// elements it names (the first few, on a 5,000-seat map), so a failure says what to fix.
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
// axe ships target-size (WCAG 2.2 AA 2.5.8: targets of 24 x 24 CSS px, or spaced so a 24 px
// circle on each touches no other) turned off; every page a customer or admin uses is checked
// with it on.
const ALWAYS_ENABLED = ["target-size"];
const NODES_SHOWN = 10;

/** `enable`: further rules axe ships turned off (e.g. label-content-name-mismatch). */
export async function expectNoViolations(page: Page, what: string, { enable = [] }: { enable?: string[] } = {}) {
  const rules = Object.fromEntries([...ALWAYS_ENABLED, ...enable].map((id) => [id, { enabled: true }]));
  // The page as it settles: after a form's server action Next re-renders the page and streams its
  // metadata again, and for a moment the <title> is being replaced. A page with no title at all
  // still fails here (axe's document-title) once the wait runs out.
  await expect(page).toHaveTitle(/\S/).catch(() => undefined);
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).options({ rules }).analyze();
  const report = violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes
        .slice(0, NODES_SHOWN)
        .map((n) => `    ${n.target.join(" ")}\n      ${n.failureSummary?.replace(/\n/g, "\n      ")}`)
        .join("\n") +
      (v.nodes.length > NODES_SHOWN ? `\n    … and ${v.nodes.length - NODES_SHOWN} more` : ""),
  );
  if (report.length > 0) console.log(`axe on ${what}:\n  ${report.join("\n  ")}`);
  expect(report, `axe violations on ${what}`).toEqual([]);
}
