/**
 * The accessibility pass every e2e page visit goes through: axe-core with the WCAG 2.2 A/AA rules
 * (serious and critical findings fail), and a tap-target check (every interactive element at
 * least 44×44 CSS px, the size older hands hit reliably). Both look at the page on show, the title
 * bar and the tab bar only: Taro's H5 router keeps earlier pages in the DOM, hidden.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** Smallest tap target in CSS px on each side. */
export const MIN_TAP_PX = 44;

export interface AuditFinding {
  /** Where it was seen: the hash route and the mode (normal / 大字). */
  where: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

interface AxeResultLike {
  violations: {
    id: string;
    impact?: string | null;
    help: string;
    nodes: { target: unknown[]; html: string; failureSummary?: string }[];
  }[];
}

/** Runs axe-core on the page on show; returns its serious and critical violations. */
async function axeFindings(page: Page, where: string): Promise<AuditFinding[]> {
  const loaded = await page.evaluate(() => typeof (window as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.addScriptTag({ content: AXE_SOURCE });
  const result = await page.evaluate(async (tags) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (ctx: unknown, opts: unknown) => Promise<unknown>;
          getRules: (tags: string[]) => { ruleId: string; tags: string[] }[];
        };
      }
    ).axe;
    // axe's experimental rules (label-content-name-mismatch among them) are left out as axe's own
    // default run leaves them out: they are not yet stable enough to fail a build on.
    const rules = axe
      .getRules(tags)
      .filter((rule) => !rule.tags.includes('experimental'))
      .map((rule) => rule.ruleId);
    const include: Element[] = Array.from(document.querySelectorAll('.taro_page')).filter(
      (el) => (el as HTMLElement).offsetParent !== null || getComputedStyle(el).display !== 'none',
    );
    document.querySelectorAll('.weui-tabbar, #taro-navigation-bar').forEach((chrome) => include.push(chrome));
    const overlays = document.querySelectorAll('.taro__modal, .taro__toast, .weui-picker, .nut-overlay, .nut-popup');
    overlays.forEach((el) => include.push(el));
    const context = include.length ? { include: include.map((el) => [el]) } : document;
    return axe.run(context, { runOnly: { type: 'rule', values: rules }, resultTypes: ['violations'] });
  }, WCAG_TAGS);
  return (result as AxeResultLike).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      where,
      rule: v.id,
      impact: v.impact ?? '',
      help: v.help,
      // The selector alone (「div:nth-child(2) > p」) rarely says which element it is: its markup and
      // axe's reason (e.g. the colours and ratio found) do.
      targets: v.nodes
        .slice(0, 5)
        .map(
          (node) =>
            `${JSON.stringify(node.target)} ${node.html.slice(0, 160)} — ${(node.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 200)}`,
        ),
    }));
}

/** Interactive elements on show that are smaller than MIN_TAP_PX on either side. */
async function tapTargetFindings(page: Page, where: string): Promise<AuditFinding[]> {
  const small = await page.evaluate((min) => {
    const selector = [
      'button',
      'a[href]',
      'input:not([type=hidden])',
      'textarea',
      'select',
      '[role=button]',
      '[role=radio]',
      '[role=checkbox]',
      '[role=switch]',
      '[role=tab]',
      '[role=link]',
      '.nut-button',
      'taro-button-core',
      '.weui-tabbar__item',
    ].join(',');
    const roots: Element[] = Array.from(document.querySelectorAll('.taro_page, .weui-tabbar, #taro-navigation-bar'));
    const out: string[] = [];
    for (const root of roots) {
      for (const el of Array.from(root.querySelectorAll(selector))) {
        const box = el.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue; // not on show
        const style = getComputedStyle(el);
        if (style.visibility === 'hidden' || style.pointerEvents === 'none') continue;
        // A native input fills a taller labelled wrapper (Taro's taro-input-core, a field row):
        // what a finger hits is the larger of the two.
        const wrapper = el.closest('taro-input-core, taro-textarea-core, .text-field, .nut-input');
        const hit = wrapper && wrapper !== el ? wrapper.getBoundingClientRect() : box;
        const width = Math.max(box.width, hit.width);
        const height = Math.max(box.height, hit.height);
        if (width + 0.5 < min || height + 0.5 < min) {
          const name =
            el.getAttribute('aria-label') ?? (el.textContent ?? '').trim().slice(0, 20) ?? el.tagName.toLowerCase();
          out.push(
            `${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]} "${name}" ${Math.round(width)}×${Math.round(height)}`,
          );
        }
      }
    }
    return out;
  }, MIN_TAP_PX);
  return small.length
    ? [
        {
          where,
          rule: 'tap-target',
          impact: 'serious',
          help: `interactive elements under ${MIN_TAP_PX}×${MIN_TAP_PX} CSS px`,
          targets: small.slice(0, 8),
        },
      ]
    : [];
}

/** Which page and mode the browser shows, for the findings. */
async function describeWhere(page: Page): Promise<string> {
  const hash = new URL(page.url()).hash.split('?')[0] || '#/';
  const large = await page.locator('.taro_page .linli-page--large').filter({ visible: true }).count();
  return `${hash} (${large ? '大字' : '常规'})`;
}

/**
 * Waits (up to a second) until no CSS transition is running: a toast fading in or out is drawn
 * at partial opacity for 100 ms, a state nobody reads, and axe would measure its text's contrast
 * against the page behind it. Endless animations (a loading spinner) are not transitions.
 */
async function settleTransitions(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const deadline = Date.now() + 1_000;
    for (;;) {
      const running = document
        .getAnimations()
        .filter((animation) => animation instanceof CSSTransition && animation.playState === 'running');
      if (running.length === 0 || Date.now() > deadline) return;
      await Promise.race([
        Promise.all(running.map((animation) => animation.finished.catch(() => undefined))),
        new Promise((resolve) => setTimeout(resolve, 200)),
      ]);
    }
  });
}

/** Runs both checks on the page on show and returns what fails them. */
export async function auditPage(page: Page): Promise<AuditFinding[]> {
  await settleTransitions(page);
  const where = await describeWhere(page);
  return [...(await axeFindings(page, where)), ...(await tapTargetFindings(page, where))];
}

/** One line per finding, for a failing test's message. */
export function formatFindings(findings: AuditFinding[]): string {
  return findings.map((f) => `${f.where} ${f.rule} [${f.impact}] ${f.help}: ${f.targets.join(' ')}`).join('\n');
}
