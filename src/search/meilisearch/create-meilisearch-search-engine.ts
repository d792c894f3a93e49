import { Meilisearch } from 'meilisearch';
import { loadSearchLanguage, type SearchLanguage } from '../text/search-language';
import { MeilisearchSearchEngine, type MeilisearchSearchEngineOptions } from './meilisearch-search-engine';

export interface MeilisearchConnectionOptions extends Omit<MeilisearchSearchEngineOptions, 'client' | 'language'> {
  url: string;
  /** Sent as a bearer token to Meilisearch only; never part of any result. */
  apiKey?: string;
  /** Timeout of one HTTP request. Default 5 s. */
  requestTimeoutMs?: number;
  /** Loaded from src/search/data when omitted. */
  language?: SearchLanguage;
}

export function createMeilisearchSearchEngine(options: MeilisearchConnectionOptions): MeilisearchSearchEngine {
  const { url, apiKey, requestTimeoutMs = 5_000, language, ...engineOptions } = options;
  const client = new Meilisearch({ host: url, apiKey, timeout: requestTimeoutMs });
  return new MeilisearchSearchEngine({ ...engineOptions, client, language: language ?? loadSearchLanguage() });
}
