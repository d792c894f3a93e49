import type { Browser, BrowserContext, Page } from 'playwright-core';
import { newBrowserContext, type ViewportName } from './browser';
import { pollUntil } from './poll';
import { type PageVisit, type SeededSite } from './web-site';

/**
 * Measurements of a page in the real browser, shared by the budget test,
 * the web-pages bench and the screenshot script.
 */

export const BUDGET = { transferBytes: 30 * 1024, scriptBytes: 15 * 1024 };

/** A browser context signed in as the visit's visitor (the session cookie holds the API's token, as after /masuk). */
export async function contextFor(browser: Browser, baseURL: string, site: SeededSite, visit: PageVisit, options: { javaScript?: boolean; viewport?: ViewportName } = {}): Promise<BrowserContext> {
  const context = await newBrowserContext(browser, { baseURL, ...options });
  if (visit.as !== 'guest') await context.addCookies([{ name: 'sesi', value: site.tokens[visit.as], url: baseURL, httpOnly: true, sameSite: 'Lax' }]);
  return context;
}

export interface Transfer {
  /** Everything but images: HTML + CSS + JS (+ fonts and other requests, if a page ever makes any). */
  totalBytes: number;
  htmlBytes: number;
  cssBytes: number;
  scriptBytes: number;
  imageBytes: number;
  requests: number;
}

/**
 * Bytes on the wire for one cold-cache load, from the DevTools protocol:
 * encodedDataLength of every finished request (compressed body + headers),
 * by the resource type Chromium gives it.
 */
export async function measureTransfer(page: Page, path: string): Promise<Transfer> {
  return measureTransferOf(page, async () => {
    await page.goto(path, { waitUntil: 'load' });
  });
}

/** Bytes on the wire for what `navigate` loads (a form posted, say), measured as measureTransfer measures a page. */
export async function measureTransferOf(page: Page, navigate: () => Promise<void>): Promise<Transfer> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const types = new Map<string, string>();
  const sizes = new Map<string, number>();
  cdp.on('Network.responseReceived', (event) => types.set(event.requestId, event.type));
  cdp.on('Network.loadingFinished', (event) => sizes.set(event.requestId, event.encodedDataLength));
  await navigate();
  // This session's loadingFinished events may trail Playwright's load event: wait until every response has its size.
  await pollUntil(async () => ([...types.keys()].every((id) => sizes.has(id)) ? true : undefined), 5_000, 'every response to finish');
  const transfer: Transfer = { totalBytes: 0, htmlBytes: 0, cssBytes: 0, scriptBytes: 0, imageBytes: 0, requests: 0 };
  for (const [requestId, bytes] of sizes) {
    const type = types.get(requestId);
    transfer.requests += 1;
    if (type === 'Image') {
      transfer.imageBytes += bytes;
      continue;
    }
    transfer.totalBytes += bytes;
    if (type === 'Document') transfer.htmlBytes += bytes;
    else if (type === 'Stylesheet') transfer.cssBytes += bytes;
    else if (type === 'Script') transfer.scriptBytes += bytes;
  }
  await cdp.detach();
  return transfer;
}

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe-core's serious and critical WCAG 2 A/AA violations on the loaded page.
 * Evaluated through the DevTools protocol: the pages' CSP (script-src 'self')
 * rightly refuses an injected inline <script>.
 */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const source: string = require('axe-core').source;
  await page.evaluate(source);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((node) => node.target.join(' ')) }));
  }, AXE_TAGS);
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/** How much wider than the viewport the document is (0: no horizontal scrolling). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

export interface FormControl {
  /** A readable description, e.g. 'input[name=email]'. */
  control: string;
  name: string;
  reachedByTab: boolean;
}

const CONTROLS = 'form input:not([type=hidden]), form select, form textarea, form button';

/**
 * Every visible control of every form (with every <details> opened), with
 * its accessible name (Chromium's accessibility tree) and whether pressing Tab
 * from the top of the page reaches it (a radio group counts once, as Tab
 * stops on one of its radios).
 */
export async function formControls(page: Page): Promise<FormControl[]> {
  const described = await page.evaluate((selector) => {
    // What a collapsed <details> holds is reached by opening it (its summary is a tab stop): check it opened.
    document.querySelectorAll('details').forEach((details) => (details.open = true));
    const controls = [...document.querySelectorAll<HTMLElement>(selector)].filter((element) => element.checkVisibility());
    return controls.map((element, index) => {
      element.dataset.kbCheck = String(index);
      const input = element as HTMLInputElement;
      const group = input.type === 'radio' ? `radio:${input.form?.id ?? ''}:${input.name}` : `#${index}`;
      return { control: `${element.tagName.toLowerCase()}${input.name ? `[name=${input.name}]` : ''}${input.type ? `[type=${input.type}]` : ''}`, group };
    });
  }, CONTROLS);
  const reachedGroups = await tabThrough(page, described.map((item) => item.group));
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const result: FormControl[] = [];
  for (const [index, item] of described.entries()) {
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: `[data-kb-check="${index}"]` });
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
    const name = String(nodes[0]?.name?.value ?? '').trim();
    result.push({ control: item.control, name, reachedByTab: reachedGroups.has(item.group) });
  }
  await cdp.detach();
  return result;
}

/** Presses Tab from the top of the page until focus comes back round; answers the groups of the controls it stopped on. */
async function tabThrough(page: Page, groups: string[]): Promise<Set<string>> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  const reached = new Set<string>();
  const seen = new Set<string>();
  for (let presses = 0; presses < 400; presses += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return null;
      element.dataset.kbSeen ??= String(Math.random());
      return { seen: element.dataset.kbSeen, check: element.dataset.kbCheck ?? null };
    });
    if (!focused) {
      if (presses > 0) break;
      continue;
    }
    if (seen.has(focused.seen)) break;
    seen.add(focused.seen);
    if (focused.check !== null) reached.add(groups[Number(focused.check)]);
  }
  return reached;
}

/** What the page shows without running any script: its heading, its forms and their controls. */
export async function staticContent(page: Page): Promise<{ h1: string; forms: number; controls: number; text: number }> {
  return page.evaluate((selector) => ({
    h1: document.querySelector('main h1')?.textContent?.trim() ?? '',
    forms: document.querySelectorAll('form').length,
    controls: document.querySelectorAll(selector).length,
    text: document.querySelector('main')?.textContent?.trim().length ?? 0,
  }), CONTROLS);
}

export interface SlowLoad {
  /** From starting the navigation until the page's content selector is laid out visible and the page has painted. */
  contentMs: number;
  /** First contentful paint, from the browser's own timing. */
  firstPaintMs: number | null;
}

/**
 * One cold load on an emulated slow phone: 400 kbit/s each way, 400 ms round
 * trip, CPU 4× slower (the issue's figures), through the DevTools protocol.
 */
export async function slowPhoneLoad(page: Page, path: string, contentSelector: string): Promise<SlowLoad> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const bytesPerSecond = (400 * 1000) / 8;
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 400, downloadThroughput: bytesPerSecond, uploadThroughput: bytesPerSecond });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const started = performance.now();
  await page.goto(path, { waitUntil: 'commit' });
  await page.locator(contentSelector).first().waitFor({ state: 'visible', timeout: 60_000 });
  const laidOutMs = performance.now() - started;
  const firstPaintMs = await page.evaluate(
    () =>
      new Promise<number | null>((resolve) => {
        const observer = new PerformanceObserver((entries) => {
          const paint = entries.getEntriesByName('first-contentful-paint')[0];
          if (paint) resolve(paint.startTime);
        });
        observer.observe({ type: 'paint', buffered: true });
        setTimeout(() => resolve(null), 10_000);
      }),
  );
  await cdp.detach();
  // Content is shown once it is laid out and painted: the later of the two.
  const contentMs = Math.max(laidOutMs, firstPaintMs ?? 0);
  return { contentMs: Math.round(contentMs), firstPaintMs: firstPaintMs === null ? null : Math.round(firstPaintMs) };
}
