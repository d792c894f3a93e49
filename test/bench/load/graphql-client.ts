export interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** A plain GraphQL-over-HTTP client for the bench's set-up calls and probes (not the load). */
export class GraphQLClient {
  /** `timeoutMs`: a request not answered by then rejects (the load test counts it as a client-side timeout). */
  constructor(
    readonly url: string,
    private readonly timeoutMs?: number,
  ) {}

  async request<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLAnswer<T>> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: this.timeoutMs ? AbortSignal.timeout(this.timeoutMs) : undefined,
    });
    const text = await response.text();
    try {
      return JSON.parse(text) as GraphQLAnswer<T>;
    } catch {
      throw new Error(`HTTP ${response.status} from ${this.url}: ${text.slice(0, 300)}`);
    }
  }

  /** The data of a call that must succeed. */
  async call<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T> {
    const answer = await this.request<T>(query, variables, token);
    if (answer.errors?.length || !answer.data) throw new Error(`GraphQL call failed: ${JSON.stringify(answer.errors ?? answer).slice(0, 500)}`);
    return answer.data;
  }
}

/** The body a load request sends for `query` with `variables`. */
export const graphqlBody = (query: string, variables?: Record<string, unknown>) => JSON.stringify({ query, variables });
