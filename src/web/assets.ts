import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Asset {
  /** The URL with the content hash, e.g. /assets/site.3f2a9c1b.css: cached for a year, never stale. */
  url: string;
  contentType: string;
  body: Buffer;
}

const CONTENT_TYPES: Record<string, string> = { css: 'text/css; charset=utf-8', js: 'text/javascript; charset=utf-8' };

/** The stylesheet and the enhancement script, read once at start and served from memory (see AssetsController). */
export class SiteAssets {
  readonly css: Asset;
  readonly js: Asset;
  private readonly byUrl: Map<string, Asset>;

  constructor(directory = join(__dirname, 'assets')) {
    this.css = load(directory, 'site', 'css');
    this.js = load(directory, 'site', 'js');
    this.byUrl = new Map([this.css, this.js].map((asset) => [asset.url, asset]));
  }

  find(url: string): Asset | undefined {
    return this.byUrl.get(url);
  }
}

function load(directory: string, name: string, extension: string): Asset {
  const body = readFileSync(join(directory, `${name}.${extension}`));
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
  return { url: `/assets/${name}.${hash}.${extension}`, contentType: CONTENT_TYPES[extension], body };
}
