import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { Loaders } from '../graphql/loaders';
import { EnrollmentEntity } from './enrollment.entity';

/**
 * The viewer's enrollment in each module, batched per request. Shared by
 * Module.myEnrollment and the lesson-content rule (enrolled beneficiaries see
 * lesson content), so both cost one query for a whole page.
 */
export function viewerEnrollments(loaders: Loaders, dataSource: DataSource, viewerId: string): DataLoader<string, EnrollmentEntity | null> {
  return loaders.loader(`viewerEnrollments:${viewerId}`, async (moduleIds: readonly string[]) => {
    const rows = await dataSource.getRepository(EnrollmentEntity).findBy({ beneficiaryId: viewerId, moduleId: In([...moduleIds]) });
    const byModule = new Map(rows.map((row) => [row.moduleId, row]));
    return moduleIds.map((id) => byModule.get(id) ?? null);
  });
}
