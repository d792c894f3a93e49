/**
 * A browser without a browser, for page tests over plain HTTP: keeps cookies,
 * reads the CSRF token from the last page's form, posts forms as browsers do
 * (urlencoded, or multipart with a file) and does not follow redirects, so tests see each 303.
 */
export interface PageAnswer {
  status: number;
  headers: Headers;
  html: string;
  /** Where a redirect points (path and query), if it is one. */
  location?: string;
}

/** A file of an upload form: its field, name, content and type. */
export interface UploadFile {
  field: string;
  name: string;
  content: Buffer | string;
  type?: string;
}

export class WebClient {
  private readonly cookies = new Map<string, string>();
  private lastHtml = '';

  constructor(private readonly baseUrl: string) {}

  async get(path: string, headers: Record<string, string> = {}): Promise<PageAnswer> {
    return this.request(path, { method: 'GET', headers });
  }

  /** Posts `fields` with the CSRF token of the last page fetched (unless `fields` sets `_csrf` itself). */
  async post(path: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}): Promise<PageAnswer> {
    const body = new URLSearchParams();
    if (!('_csrf' in fields)) body.append('_csrf', this.csrfToken());
    for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) body.append(name, item);
    return this.request(path, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });
  }

  /**
   * Posts `fields` and the file (or files, as a crafted request may) as multipart/form-data (an upload form), with the CSRF token
   * of the last page fetched first, as a browser sends the form's fields in order.
   */
  async upload(path: string, fields: Record<string, string>, files: UploadFile | UploadFile[]): Promise<PageAnswer> {
    const body = new FormData();
    if (!('_csrf' in fields)) body.append('_csrf', this.csrfToken());
    for (const [name, value] of Object.entries(fields)) body.append(name, value);
    for (const file of [files].flat()) {
      const bytes = typeof file.content === 'string' ? file.content : new Uint8Array(file.content);
      body.append(file.field, new Blob([bytes], { type: file.type ?? 'application/octet-stream' }), file.name);
    }
    return this.request(path, { method: 'POST', body });
  }

  /** GETs a page, then posts a form to `action`: the usual way a person submits one. */
  async submit(pagePath: string, action: string, fields: Record<string, string | string[]>): Promise<PageAnswer> {
    await this.get(pagePath);
    return this.post(action, fields);
  }

  csrfToken(): string {
    const match = /name="_csrf" value="([^"]+)"/.exec(this.lastHtml);
    if (!match) throw new Error('no CSRF field on the last page');
    return match[1];
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  forgetCookie(name: string): void {
    this.cookies.delete(name);
  }

  private async request(path: string, init: RequestInit): Promise<PageAnswer> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(`${this.baseUrl}${path}`, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...rest] = pair.split('=');
      const value = rest.join('=');
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    const html = await response.text();
    if (response.headers.get('content-type')?.includes('text/html')) this.lastHtml = html;
    const location = response.headers.get('location') ?? undefined;
    return { status: response.status, headers: response.headers, html, location };
  }
}
