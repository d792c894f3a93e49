import { SingleBar, Presets } from 'cli-progress';

const LINE_EVERY_MS = 2_000;

/** A progress bar on a terminal; otherwise a plain line per batch, at most every 2 s (logs, CI). */
export class ImportProgress {
  private readonly bar = process.stderr.isTTY ? new SingleBar({ stream: process.stderr, format: 'import [{bar}] {value}/{total} modules {percentage}% {eta_formatted} left' }, Presets.shades_classic) : null;
  private lastLine = 0;

  constructor(private readonly total: number) {
    this.bar?.start(total, 0);
  }

  update(processed: number): void {
    if (this.bar) return this.bar.update(processed);
    if (Date.now() - this.lastLine < LINE_EVERY_MS) return;
    this.lastLine = Date.now();
    process.stderr.write(`import: ${processed}/${this.total} modules\n`);
  }

  finish(created: number): void {
    this.bar?.update(created);
    this.bar?.stop();
  }
}
