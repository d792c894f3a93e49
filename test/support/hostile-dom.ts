import type { BrowserContext, Page } from 'playwright-core';
import { guardContext, type PageGuard } from './browser';
import type { GraphQLResponse } from './test-app';

/**
 * The pieces the hostile-content browser tests share (the beneficiaries'
 * pages and the contributors', curators' and admin's): the live-DOM check,
 * the dialog/console guard with what it may ignore, and the helpers that
 * write the XSS corpus through the API.
 */

/** Plain-text fields (titles, names, notes) refuse markup: the vector cut to the field's length, padded to its minimum. */
export const plain = (vector: string, min: number, max: number, prefix: string) => `${prefix}${vector}`.slice(0, max).padEnd(min, '.');

/** What in the live DOM could run script or send the page elsewhere; our own script is the one /assets/site.*.js. Runs in the page. */
export function unsafeDomFindings(): string[] {
  const findings: string[] = [];
  const scriptUrl = /^(javascript|vbscript|data|livescript):/i;
  const urlAttributes = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc', 'background', 'poster', 'srcset', 'codebase', 'ping'];
  for (const element of Array.from(document.querySelectorAll('*'))) {
    const tag = element.tagName.toLowerCase();
    if (tag === 'script' && !/^\/assets\/site\.[0-9a-f]+\.js$/.test(new URL((element as HTMLScriptElement).src || 'about:blank', location.href).pathname)) findings.push(`<script>${element.textContent?.slice(0, 40) ?? ''}`);
    if (['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'portal'].includes(tag)) findings.push(`<${tag}>`);
    if (tag === 'meta' && element.hasAttribute('http-equiv')) findings.push('<meta http-equiv>');
    // The layout's head (charset, viewport, our stylesheet and icon) is ours; contributors' content lands in the body.
    if (!element.closest('body')) continue;
    if (tag === 'style' || tag === 'link') findings.push(`<${tag}> in the page`);
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on')) findings.push(`<${tag} ${name}>`);
      if (name === 'style') findings.push(`<${tag} style>`);
      const value = attribute.value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
      const image = tag === 'img' && name === 'src' && /^data:image\/(png|jpeg|gif|webp);/i.test(value);
      if (urlAttributes.includes(name) && scriptUrl.test(value) && !image) findings.push(`<${tag} ${name}="${attribute.value.slice(0, 60)}">`);
    }
  }
  return findings;
}

/** A page the DOM check must refuse, and the first word of each finding it must report, in order (the check's self-test). */
export const UNSAFE_PROBE = {
  html: '<body><p><img src="x" onerror="alert(1)"><a href=" java&#x09;script:alert(1)">a</a><script>alert(1)</script><iframe></iframe><svg><a xlink:href="javascript:alert(1)">s</a></svg><img src="data:image/png;base64,iVBORw0KGgo="></p></body>',
  findings: ['<img', '<a', '<script', '<iframe', '<a'],
};

/**
 * Console errors hostile content may cause without any script running:
 * off-site loads refused by the test's route, a missing image, an image the
 * CSP refuses. A CSP refusal of a script is NOT here: it fails the test.
 */
export const HOSTILE_CONSOLE_ALLOWED = [/^Failed to load resource/, /Refused to load the image/];

/** Nothing leaves the machine (off-site images and links in contributors' content are refused at once), and every dialog or other console error is recorded. */
export async function guardHostileContext(context: BrowserContext, baseUrl: string): Promise<PageGuard> {
  await context.route((url) => !url.href.startsWith(baseUrl), (route) => route.abort());
  return guardContext(context, { allowConsole: HOSTILE_CONSOLE_ALLOWED });
}

/** Submits the page's last form in <main> (or the given button) and waits for the answer page to load (a new document, not the old one). */
export async function submitAndLoad(page: Page, button = 'main form button[type=submit]'): Promise<void> {
  await page.evaluate(() => ((window as unknown as { formPage?: boolean }).formPage = true));
  await page.locator(button).last().click();
  await page.waitForFunction(() => !(window as unknown as { formPage?: boolean }).formPage && document.readyState === 'complete');
}

export function dataOf<T = Record<string, any>>(response: GraphQLResponse<T>, what: string): T {
  if (response.errors) throw new Error(`${what}: ${JSON.stringify(response.errors)}`);
  return response.data!;
}

/** `work` over every item, `size` at a time (the API's writes stay gentle on a shared machine). */
export async function inBatches<T, R>(items: T[], work: (item: T, index: number) => Promise<R>, size = 6): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) results.push(...(await Promise.all(items.slice(start, start + size).map((item, offset) => work(item, start + offset)))));
  return results;
}
