/**
 * Chromium for the browser tests: Debian's /usr/bin/chromium driven by playwright-core, with a
 * fresh profile per browser and a phone-sized viewport. A failing test leaves a screenshot in
 * artifacts/e2e/.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { auditPage, formatFindings, type AuditFinding } from './audit';

export const CHROMIUM_PATH = process.env.LINLI_CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS_DIR = path.resolve(__dirname, '..', '..', 'artifacts', 'e2e');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** How long a page gets to draw after its route changes before it is audited. */
const AUDIT_SETTLE_MS = 400;

export interface OpenBrowser {
  page: Page;
  context: BrowserContext;
  /** Uncaught errors thrown in the page so far. */
  pageErrors: Error[];
  /** Accessibility findings (axe-core serious/critical, small tap targets) of every page visited. */
  findings: AuditFinding[];
  /** Audits the page on show now (each navigation does it by itself). */
  audit(): Promise<void>;
  /** Saves a full-page screenshot to artifacts/e2e/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** Launches Chromium with a throwaway profile and an iPhone-sized (375×812) page. */
export async function openBrowser(): Promise<OpenBrowser> {
  const profileDir = mkdtempSync(path.join(tmpdir(), 'linli-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));

  // Every page a test reaches (page.goto, page.waitForURL) is audited once it has drawn, so each
  // journey checks accessibility as the role it signs in as, in the mode it runs in.
  const findings: AuditFinding[] = [];
  const seen = new Set<string>();
  const audit = async (): Promise<void> => {
    await page.waitForTimeout(AUDIT_SETTLE_MS);
    for (const finding of await auditPage(page)) {
      const key = `${finding.where} ${finding.rule} ${finding.targets.join(' ')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(finding);
    }
  };
  const goto = page.goto.bind(page);
  page.goto = async (...args: Parameters<Page['goto']>) => {
    const response = await goto(...args);
    await audit();
    return response;
  };
  const waitForURL = page.waitForURL.bind(page);
  page.waitForURL = async (...args: Parameters<Page['waitForURL']>) => {
    await waitForURL(...args);
    await audit();
  };

  return {
    page,
    context,
    pageErrors,
    findings,
    audit,
    async screenshot(name) {
      mkdirSync(ARTIFACTS_DIR, { recursive: true });
      const file = path.join(ARTIFACTS_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs `body` with a fresh browser and closes it afterwards. When `body` fails, a screenshot
 * named after the test goes to artifacts/e2e/ and its path is added to the error message.
 */
export async function withBrowser(name: string, body: (browser: OpenBrowser) => Promise<void>): Promise<void> {
  const browser = await openBrowser();
  try {
    await body(browser);
    expectNoFindings(browser.findings);
  } catch (error) {
    const file = await browser.screenshot(name).catch(() => undefined);
    if (file && error instanceof Error) error.message += `\n(screenshot: ${path.relative(process.cwd(), file)})`;
    throw error;
  } finally {
    await browser.close();
  }
}

/**
 * Like withBrowser with several independent browsers at once (a resident and a staff member,
 * each with their own storage). On failure every browser leaves a screenshot, `<name>-<i>.png`.
 */
export async function withBrowsers(
  name: string,
  count: number,
  body: (browsers: OpenBrowser[]) => Promise<void>,
): Promise<void> {
  const browsers: OpenBrowser[] = [];
  try {
    for (let i = 0; i < count; i++) browsers.push(await openBrowser());
    await body(browsers);
    expectNoFindings(browsers.flatMap((b) => b.findings));
  } catch (error) {
    const files = await Promise.all(browsers.map((b, i) => b.screenshot(`${name}-${i + 1}`).catch(() => undefined)));
    const saved = files
      .filter((file): file is string => Boolean(file))
      .map((file) => path.relative(process.cwd(), file));
    if (saved.length && error instanceof Error) error.message += `\n(screenshots: ${saved.join(', ')})`;
    throw error;
  } finally {
    await Promise.all(browsers.map((b) => b.close()));
  }
}

/** Fails with one line per accessibility finding. */
export function expectNoFindings(findings: AuditFinding[]): void {
  if (findings.length) throw new Error(`accessibility findings:\n${formatFindings(findings)}`);
  expect(findings).toEqual([]);
}

/** Waits until the locator is visible (playwright-core has no `expect`); fails with the locator's name. */
export async function expectVisible(locator: Locator, timeout = 15_000): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout });
  expect(await locator.isVisible()).toBe(true);
}

/** Polls `read` until `accept` holds, then asserts it; fails with the last value read. */
export async function expectEventually<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  what: string,
  timeout = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeout;
  let value = await read();
  while (!accept(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  if (!accept(value)) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeout} ms`);
  expect(accept(value)).toBe(true);
}
