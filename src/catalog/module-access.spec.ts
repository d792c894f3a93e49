import { Role } from '../auth/role';
import { moduleAsSeenBy } from './module-access';
import { ModuleEntity } from './module.entity';
import { ModuleStatus } from './module-status';

const OWNER = { id: 'owner', role: Role.CONTRIBUTOR };
const moduleIn = (status: ModuleStatus): ModuleEntity =>
  ({
    id: 'module',
    status,
    contributorId: OWNER.id,
    title: 'Judul yang ditulis ulang pemilik',
    approvedTitle: 'Judul yang disetujui kurator',
    summary: 'Ringkasan baru',
    description: 'Deskripsi baru',
    skills: ['keterampilan baru'],
  }) as ModuleEntity;

describe('moduleAsSeenBy (a module reached through an enrollment, a review or a report)', () => {
  it('shows a PUBLISHED module whole to everyone', () => {
    expect(moduleAsSeenBy(null, moduleIn(ModuleStatus.PUBLISHED))).toEqual(moduleIn(ModuleStatus.PUBLISHED));
  });

  it('shows any module whole to its owner and to curators', () => {
    for (const viewer of [OWNER, { id: 'curator', role: Role.CURATOR }, { id: 'admin', role: Role.ADMIN }]) {
      expect(moduleAsSeenBy(viewer, moduleIn(ModuleStatus.UNPUBLISHED)).title).toBe('Judul yang ditulis ulang pemilik');
    }
  });

  it.each([ModuleStatus.UNPUBLISHED, ModuleStatus.IN_REVIEW, ModuleStatus.ARCHIVED])('withholds a %s module from anyone else: approved title only, no text', (status) => {
    for (const viewer of [null, { id: 'learner', role: Role.BENEFICIARY }, { id: 'other', role: Role.CONTRIBUTOR }]) {
      expect(moduleAsSeenBy(viewer, moduleIn(status))).toMatchObject({ title: 'Judul yang disetujui kurator', summary: '', description: '', skills: [], status });
    }
  });
});
