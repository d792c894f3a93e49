/**
 * npm run screenshots: the main pages (and the editor's refused form) at a
 * phone's 360×740 and a desktop's 1280×800, viewport only, into docs/screenshots/<page>-<viewport>.png
 * (the README shows some). Same app, data and browser as npm run bench:web.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { VIEWPORTS, type ViewportName } from '../support/browser';
import { contextFor } from '../support/page-checks';
import type { PageName } from '../support/web-site';
import { showEditorErrors } from '../support/web-site-contributors';
import { startRunningSite } from './web/running-site';

const PAGES: PageName[] = [
  'beranda',
  'cari',
  'modul',
  'daftar',
  'belajar',
  'pelajaran-artikel',
  'dompet-habis',
  'gratis',
  'notifikasi',
  'daftar-kontributor',
  'kontributor',
  'editor',
  'kurator',
  'kurator-modul',
  'kurator-laporan',
  'admin',
  'impor',
  'impor-hasil',
];
const OUT_DIR = join(__dirname, '../../docs/screenshots');

async function shoot(page: Page, fileName: string): Promise<void> {
  const file = join(OUT_DIR, `${fileName}.png`);
  await page.screenshot({ path: file, fullPage: false });
  console.log(`  ${file}`);
}

async function main(): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  const running = await startRunningSite();
  const { t, site, browser } = running;
  try {
    for (const name of PAGES) {
      const visit = site.visit(name);
      for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
        const context = await contextFor(browser, t.baseUrl, site, visit, { viewport });
        try {
          const page = await context.newPage();
          const response = await page.goto(visit.path);
          if (response?.status() !== visit.status) throw new Error(`${visit.path} answered ${response?.status()}, not ${visit.status}`);
          await page.locator(visit.content).first().waitFor({ state: 'visible' });
          await shoot(page, `${name}-${viewport}`);
          // The editor's refused form is a state only a POST reaches: shown after the editor itself.
          if (name === 'editor') {
            await showEditorErrors(page);
            await shoot(page, `editor-galat-${viewport}`);
          }
        } finally {
          await context.close();
        }
      }
    }
  } finally {
    await running.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
