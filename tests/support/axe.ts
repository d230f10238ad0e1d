import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);

/** One rule axe-core found broken, with where: enough to fix it from a test failure. */
export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core (the npm package, pinned in package.json) inside the real page, injected as a script, and
 * returns the violations of `impacts` (serious and critical by default), WCAG 2.x A and AA rules and best practices.
 */
export async function axeViolations(page: Page, impacts: readonly string[] = ['serious', 'critical']): Promise<AxeFinding[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => ({ id: violation.id, impact: violation.impact ?? 'unknown', help: violation.help, targets: violation.nodes.slice(0, 5).map((node) => node.target.map(String).join(' ')) }));
  });
  return violations.filter((violation) => impacts.includes(violation.impact));
}
