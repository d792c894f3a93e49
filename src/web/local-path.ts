/** The path and query of `target` (a path or a URL), never anything that leaves this site (//host, a scheme). */
export function localPath(target: string): string {
  try {
    const url = new URL(target, 'http://localhost');
    const path = `${url.pathname}${url.search}`;
    // Only an absolute path of this site: not //host, and not what a scheme such as javascript: leaves ("alert(1)").
    return path.startsWith('/') && !path.startsWith('//') ? path : '/';
  } catch {
    return '/';
  }
}
