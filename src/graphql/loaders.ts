import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { In, Repository } from 'typeorm';

/** Answers many keys in one go, one value per key in key order. */
export type BatchLoad<V> = (keys: readonly string[]) => Promise<V[]>;

/**
 * The value each named loader yields. Features declare theirs by merging into this interface, so
 * `loaders.users` is typed without src/graphql knowing the feature:
 *   declare module '../graphql/loaders' { interface NamedLoaders { users: UserEntity | undefined } }
 */
export interface NamedLoaders {}

/** Batch functions by name, registered by the features' modules at start-up (one registry per application). */
@Injectable()
export class LoaderRegistry {
  private readonly batches = new Map<string, BatchLoad<unknown>>();

  register<K extends keyof NamedLoaders & string>(name: K, batch: BatchLoad<NamedLoaders[K]>): void {
    if (this.batches.has(name)) throw new Error(`The loader "${name}" is registered twice`);
    this.batches.set(name, batch);
  }

  /** Fresh loaders for one request. */
  forRequest(): Loaders {
    return new Loaders(this.batches);
  }
}

type NamedLoaderFields = { readonly [K in keyof NamedLoaders]: DataLoader<string, NamedLoaders[K]> };

/** The registered loaders, as properties: `loaders.users.load(id)`. */
export interface Loaders extends NamedLoaderFields {}

/** Per-request batching of related rows, so a page costs a bounded number of queries. */
export class Loaders {
  private readonly cache = new Map<string, DataLoader<string, unknown>>();

  constructor(batches: ReadonlyMap<string, BatchLoad<unknown>>) {
    for (const [name, batch] of batches) Object.defineProperty(this, name, { get: () => this.loader(name, batch) });
  }

  /** Any further loader a feature needs, created once per request under `key`. */
  loader<V>(key: string, batch: BatchLoad<V>): DataLoader<string, V> {
    let loader = this.cache.get(key) as DataLoader<string, V> | undefined;
    if (!loader) {
      loader = new DataLoader<string, V>(batch, { maxBatchSize: 500 });
      this.cache.set(key, loader as DataLoader<string, unknown>);
    }
    return loader;
  }
}

/** Rows by primary key: one `id IN (...)` query per batch, undefined for an id with no row. */
export function rowsById<T extends { id: string }>(repository: Repository<T>): BatchLoad<T | undefined> {
  return async (ids) => {
    const rows = await repository.findBy({ id: In([...ids]) } as never);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id));
  };
}
