import { TestApp } from './test-app';

export interface HttpAnswer {
  status: number;
  headers: Headers;
  body: any;
}

/** POST /graphql with any headers and body (a string is sent as is), for tests of the HTTP boundaries. */
export async function postGraphQL(t: TestApp, body: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  const response = await fetch(`${t.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: the test looks at the text.
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

/** A request from another client address, as a proxy trusted by TRUST_PROXY would announce it. */
export const from = (address: string, token?: string): Record<string, string> => ({
  'x-forwarded-for': address,
  ...(token ? { authorization: `Bearer ${token}` } : {}),
});
