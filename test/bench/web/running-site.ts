import 'reflect-metadata';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../support/browser';
import globalSetup from '../../support/global-setup';
import globalTeardown from '../../support/global-teardown';
import { startTestApp, TestApp } from '../../support/test-app';
import { seedSite, SeededSite, SITE_ENV } from '../../support/web-site';

export interface RunningSite {
  t: TestApp;
  site: SeededSite;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * The app as the integration tests start it, outside Jest: a migrated
 * database (embedded PGlite, or a clone on DATABASE_URL's server), the demo
 * catalogue and seedSite's people, and the machine's Chromium.
 */
export async function startRunningSite(): Promise<RunningSite> {
  await globalSetup({ maxWorkers: 1 });
  const t = await startTestApp(SITE_ENV);
  try {
    const site = await seedSite(t);
    const browser = await launchBrowser();
    return {
      t,
      site,
      browser,
      async close() {
        await browser.close();
        await t.close();
        await globalTeardown();
      },
    };
  } catch (error) {
    await t.close();
    await globalTeardown();
    throw error;
  }
}
