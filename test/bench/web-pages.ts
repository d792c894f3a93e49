/**
 * npm run bench:web: every page in the machine's Chromium, with realistic
 * data (the demo catalogue; a Rp1 module of 10 lessons; a learner part-way
 * through it; a learner whose credit is spent). Prints per page the bytes
 * transferred on a cold load (HTML + CSS + JS, compressed), axe-core's
 * serious and critical findings, and the time to content on an emulated slow
 * phone (400 kbit/s each way, 400 ms round trip, CPU 4× slower): for the
 * search pages the time until the first result shows.
 *
 *   npm run bench:web -- [--runs <n>]   (slow loads per page, median shown; default 3)
 *
 * Embedded defaults unless DATABASE_URL is set (then a clone of a migrated database on that server).
 */
import { axeViolations, BUDGET, contextFor, measureTransfer, measureTransferOf, slowPhoneLoad, type SlowLoad, type Transfer } from '../support/page-checks';
import { showEditorErrors } from '../support/web-site-contributors';
import { type RunningSite, startRunningSite } from './web/running-site';

const SLOW_RESULTS_BUDGET_MS = 3_000;

interface PageFigures {
  name: string;
  path: string;
  as: string;
  budgetBytes?: number;
  transfer: Transfer;
  axe: string[];
  slow: SlowLoad[];
}

function runsFrom(argv: string[]): number {
  const index = argv.indexOf('--runs');
  if (index === -1) return 3;
  const runs = Number(argv[index + 1]);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a positive whole number');
  return runs;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function table(rows: PageFigures[]): string {
  const lines = [
    '| page | path | as | transferred KB | HTML KB | CSS KB | JS KB | axe serious/critical | slow phone: content ms (median) | first paint ms |',
    '|---|---|---|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const row of rows) {
    const over = row.transfer.totalBytes > (row.budgetBytes ?? BUDGET.transferBytes) || row.transfer.scriptBytes > BUDGET.scriptBytes ? ' ⚠' : '';
    const path = row.path.length > 40 ? `${row.path.slice(0, 37)}…` : row.path;
    const paint = row.slow.map((load) => load.firstPaintMs).filter((value): value is number => value !== null);
    lines.push(
      `| ${row.name} | ${path} | ${row.as} | ${kb(row.transfer.totalBytes)}${over} | ${kb(row.transfer.htmlBytes)} | ${kb(row.transfer.cssBytes)} | ${kb(row.transfer.scriptBytes)} | ` +
        `${row.axe.length === 0 ? 0 : `${row.axe.length} (${row.axe.join(', ')})`} | ${median(row.slow.map((load) => load.contentMs))} | ${paint.length ? median(paint) : '–'} |`,
    );
  }
  return lines.join('\n');
}

/** The editor's refused form, a state only a POST reaches: its transfer (the post's answer and assets) and axe findings. */
async function measureRefusedEditor({ t, site, browser }: RunningSite): Promise<string> {
  const context = await contextFor(browser, t.baseUrl, site, site.visit('editor'));
  try {
    const page = await context.newPage();
    await page.goto(site.visit('editor').path);
    let status = 0;
    const transfer = await measureTransferOf(page, async () => {
      status = await showEditorErrors(page);
    });
    const axe = (await axeViolations(page)).map((finding) => finding.id);
    return `status ${status}, ${kb(transfer.totalBytes)} KB transferred (HTML ${kb(transfer.htmlBytes)} KB), axe serious/critical ${axe.length === 0 ? 0 : `${axe.length} (${axe.join(', ')})`}`;
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const runs = runsFrom(process.argv.slice(2));
  console.log('bench:web starting the app and seeding the demo catalogue…');
  const running = await startRunningSite();
  const { t, site, browser } = running;
  const rows: PageFigures[] = [];
  let refusedEditor = '';
  try {
    for (const visit of site.visits) {
      // A new context per load: an empty cache, as on a first visit.
      const fresh = async <T>(work: (page: import('playwright-core').Page) => Promise<T>): Promise<T> => {
        const context = await contextFor(browser, t.baseUrl, site, visit);
        try {
          return await work(await context.newPage());
        } finally {
          await context.close();
        }
      };
      const transfer = await fresh((page) => measureTransfer(page, visit.path));
      const axe = await fresh(async (page) => {
        await page.goto(visit.path);
        return (await axeViolations(page)).map((finding) => `${finding.id}`);
      });
      const slow: SlowLoad[] = [];
      for (let run = 0; run < runs; run += 1) slow.push(await fresh((page) => slowPhoneLoad(page, visit.path, visit.content)));
      rows.push({ name: visit.name, path: visit.path, as: visit.as, budgetBytes: visit.budgetBytes, transfer, axe, slow });
      console.log(`  ${visit.name}: ${kb(transfer.totalBytes)} KB, JS ${kb(transfer.scriptBytes)} KB, axe ${axe.length}, slow ${median(slow.map((load) => load.contentMs))} ms`);
    }
    refusedEditor = await measureRefusedEditor(running);
  } finally {
    await running.close();
  }
  console.log(`\nPer page (budgets: ≤ ${kb(BUDGET.transferBytes)} KB transferred (the editor ≤ 60 KB), ≤ ${kb(BUDGET.scriptBytes)} KB JS; ⚠ marks a page over one):\n`);
  console.log(table(rows));
  console.log(`\nThe editor with its refusals shown (a POST answered 422): ${refusedEditor}.`);
  const search = rows.find((row) => row.name === 'cari')!;
  const searchMs = median(search.slow.map((load) => load.contentMs));
  console.log(`\nSearch results on the slow phone: ${searchMs} ms (median of ${runs}; target ≤ ${SLOW_RESULTS_BUDGET_MS} ms: ${searchMs <= SLOW_RESULTS_BUDGET_MS ? 'met' : 'NOT met'}).`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
