import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ModuleEntity, StoredModerationCheck } from '../catalog/module.entity';
import { runAutomaticChecks } from './automatic-checks';

/** Runs the automatic checks of a submission. */
@Injectable()
export class ModerationChecks {
  run(manager: EntityManager, module: ModuleEntity): Promise<StoredModerationCheck[]> {
    return runAutomaticChecks(manager, module);
  }
}
