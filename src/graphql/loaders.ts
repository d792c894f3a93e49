import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { UserEntity } from '../accounts/user.entity';
import { LessonEntity } from '../catalog/lesson.entity';
import { ModuleEntity } from '../catalog/module.entity';

/** Per-request batching of related rows, so a page costs a bounded number of queries. */
export class Loaders {
  private readonly cache = new Map<string, DataLoader<string, unknown>>();

  constructor(private readonly dataSource: DataSource) {}

  get users(): DataLoader<string, UserEntity | undefined> {
    return this.byId('users', UserEntity);
  }

  get modules(): DataLoader<string, ModuleEntity | undefined> {
    return this.byId('modules', ModuleEntity);
  }

  /** Lessons of each module, in position order. */
  get lessonsByModule(): DataLoader<string, LessonEntity[]> {
    return this.loader('lessonsByModule', async (moduleIds: readonly string[]) => {
      const lessons = await this.dataSource.getRepository(LessonEntity).find({ where: { moduleId: In([...moduleIds]) }, order: { position: 'ASC' } });
      const byModule = new Map<string, LessonEntity[]>(moduleIds.map((id) => [id, []]));
      for (const lesson of lessons) byModule.get(lesson.moduleId)?.push(lesson);
      return moduleIds.map((id) => byModule.get(id) ?? []);
    });
  }

  /** Any further loader a feature needs, created once per request under `key`. */
  loader<V>(key: string, batch: (keys: readonly string[]) => Promise<V[]>): DataLoader<string, V> {
    let loader = this.cache.get(key) as DataLoader<string, V> | undefined;
    if (!loader) {
      loader = new DataLoader<string, V>(batch, { maxBatchSize: 500 });
      this.cache.set(key, loader as DataLoader<string, unknown>);
    }
    return loader;
  }

  private byId<T extends { id: string }>(key: string, entity: new () => T): DataLoader<string, T | undefined> {
    return this.loader(key, async (ids: readonly string[]) => {
      const rows = await this.dataSource.getRepository(entity).findBy({ id: In([...ids]) } as never);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id));
    });
  }
}
