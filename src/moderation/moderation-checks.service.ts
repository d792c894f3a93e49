import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LessonEntity } from '../catalog/lesson.entity';
import { ModuleEntity, StoredModerationCheck } from '../catalog/module.entity';
import { runAutomaticChecks } from './automatic-checks';

/** Runs the automatic checks of a submission. */
@Injectable()
export class ModerationChecks {
  run(manager: EntityManager, module: ModuleEntity, revisionLessons?: LessonEntity[]): Promise<StoredModerationCheck[]> {
    return runAutomaticChecks(manager, module, revisionLessons);
  }
}
