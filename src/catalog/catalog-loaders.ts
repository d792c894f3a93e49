import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { LoaderRegistry, rowsById } from '../graphql/loaders';
import { LessonEntity } from './lesson.entity';
import { ModuleEntity } from './module.entity';

declare module '../graphql/loaders' {
  interface NamedLoaders {
    modules: ModuleEntity | undefined;
    /** Lessons of each module, in position order. */
    lessonsByModule: LessonEntity[];
  }
}

/** Registers the catalogue's per-request loaders. */
@Injectable()
export class CatalogLoaders {
  constructor(registry: LoaderRegistry, @InjectRepository(ModuleEntity) modules: Repository<ModuleEntity>, @InjectRepository(LessonEntity) lessons: Repository<LessonEntity>) {
    registry.register('modules', rowsById(modules));
    registry.register('lessonsByModule', async (moduleIds) => {
      const rows = await lessons.find({ where: { moduleId: In([...moduleIds]) }, order: { position: 'ASC' } });
      const byModule = new Map<string, LessonEntity[]>(moduleIds.map((id) => [id, []]));
      for (const lesson of rows) byModule.get(lesson.moduleId)?.push(lesson);
      return moduleIds.map((id) => byModule.get(id) ?? []);
    });
  }
}
