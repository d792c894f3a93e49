import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * The machine's Chromium driven by Playwright, for tests in a real browser.
 * Never downloads a browser: CI installs the distribution's package
 * (`.ci/run`), and a missing one fails with the command that installs it.
 */

export const VIEWPORTS = {
  phone: { width: 360, height: 740 },
  desktop: { width: 1280, height: 800 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

const candidates = () => [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((path): path is string => !!path);

/**
 * `describe` for browser tests: on a machine without Chromium (a fresh
 * developer machine) they are skipped with a warning, so `npm test` still runs
 * everything else; CI sets REQUIRE_BROWSER=1 (`.ci/run` installs Chromium),
 * and then a missing browser fails instead of skipping.
 */
export function describeInBrowser(name: string, tests: () => void): void {
  if (process.env.REQUIRE_BROWSER === '1' || candidates().some((path) => existsSync(path))) return describe(name, tests);
  console.warn(`Skipping "${name}": Chromium not found. Install it with "apt-get install -y chromium" (CI requires it).`);
  describe.skip(name, tests);
}

/** CHROMIUM_PATH, else the first Chromium found in the usual places. */
export function chromiumPath(): string {
  const found = candidates().find((path) => existsSync(path));
  if (!found) {
    throw new Error(`Chromium not found (looked at ${candidates().join(', ')}). Install it with "apt-get install -y chromium", or set CHROMIUM_PATH to its executable.`);
  }
  return found;
}

/** One headless browser; launch it once per test file (beforeAll) and close it in afterAll. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    // Tests run as root in a container: no sandbox, and /dev/shm is often tiny.
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });
}

export interface ContextOptions {
  /** The app's origin, so pages can be opened by path (page.goto('/masuk')). */
  baseURL: string;
  /** false: a browser with JavaScript disabled, to check pages work without the script. Default true. */
  javaScript?: boolean;
  viewport?: ViewportName;
}

/**
 * A fresh context (its own cookies and storage: one person) with Indonesian
 * locale; reuse one per story rather than one per step, contexts are cheap
 * but not free.
 */
export async function newBrowserContext(browser: Browser, options: ContextOptions): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: options.baseURL,
    javaScriptEnabled: options.javaScript ?? true,
    viewport: VIEWPORTS[options.viewport ?? 'phone'],
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
  });
}

export interface PageGuard {
  /** Every problem seen so far: page errors, console errors, dialogs. */
  readonly problems: string[];
  /** Throws, listing the problems, if there was any. */
  assertClean(): void;
}

export interface GuardOptions {
  /** Console errors that are expected (e.g. the 404 of a page visited on purpose), matched against the message text. */
  allowConsole?: RegExp[];
}

/**
 * Watches every page of `context` (those open now and those opened later)
 * for uncaught page errors, console errors and dialogs. Any dialog is a
 * failure: alert()/confirm()/prompt() from hostile content means script ran.
 * Dialogs are dismissed so the page does not hang.
 */
export function guardContext(context: BrowserContext, options: GuardOptions = {}): PageGuard {
  const problems: string[] = [];
  const watch = (page: Page) => {
    page.on('pageerror', (error) => problems.push(`page error at ${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      if (options.allowConsole?.some((pattern) => pattern.test(text))) return;
      const source = message.location().url;
      // Chromium asks for /favicon.ico by itself; its 404 is no fault of the page's content.
      if (source.endsWith('/favicon.ico')) return;
      problems.push(`console error at ${page.url()}: ${text}${source && source !== page.url() ? ` (${source})` : ''}`);
    });
    page.on('dialog', (dialog) => {
      problems.push(`dialog (${dialog.type()}) at ${page.url()}: ${dialog.message()}`);
      void dialog.dismiss().catch(() => undefined);
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return {
    problems,
    assertClean() {
      if (problems.length > 0) throw new Error(`The browser reported ${problems.length} problem(s):\n${problems.join('\n')}`);
    },
  };
}
