import { DOCUMENT_RATING_MEAN, moduleDocument } from '../../test/search/module-document.factory';
import { confidenceRating } from '../ratings/rating-score';
import type { PublishedState } from './module-documents';
import type { ModuleDocument } from './search-engine.port';
import { ContributorNames, planCatchUp } from './snapshot-catch-up';

const current = moduleDocument({ id: 'current' });

/** The database holding exactly these documents. */
function databaseOf(documents: ModuleDocument[], ratingMean: number | null = DOCUMENT_RATING_MEAN): { state: PublishedState; contributors: ContributorNames } {
  return {
    state: {
      modules: new Map(documents.map((d) => [d.id, { version: d.version, enrollmentCount: d.enrollmentCount, completionCount: d.completionCount, ratingSum: d.ratingSum, ratingCount: d.ratingCount, categoryId: d.categoryId, contributorId: d.contributorId }])),
      categories: new Map(documents.map((d) => [d.categoryId, { slug: d.categorySlug, name: d.categoryName }])),
      ratingMean,
    },
    contributors: new Map(documents.map((d) => [d.contributorId, { name: d.contributorName, displayName: d.contributorDisplayName, kind: d.contributorKind }])),
  };
}

describe('planCatchUp', () => {
  it('finds nothing to do when the snapshot holds what the database does', () => {
    const { state, contributors } = databaseOf([current, moduleDocument({ id: 'unrated', ratingAverage: null, ratingCount: 0 })]);
    expect(planCatchUp([current, moduleDocument({ id: 'unrated', ratingAverage: null, ratingCount: 0 })], state, contributors)).toEqual({ gone: [], stale: [], added: [], rescored: [] });
  });

  it('removes a module no longer PUBLISHED, reads a new one and one of another version', () => {
    const snapshot = [current, moduleDocument({ id: 'unpublished' }), moduleDocument({ id: 'edited', version: 3 })];
    const { state, contributors } = databaseOf([current, moduleDocument({ id: 'edited', version: 4 }), moduleDocument({ id: 'new' })]);
    expect(planCatchUp(snapshot, state, contributors)).toEqual({ gone: ['unpublished'], stale: ['edited'], added: ['new'], rescored: [] });
  });

  it('reads again a module whose counters, category or contributor changed without a new version', () => {
    const changes: Partial<ModuleDocument>[] = [
      { enrollmentCount: 101 },
      { completionCount: 11 },
      { ratingSum: 41, ratingCount: 11 },
      { categoryName: 'Umum dan Lainnya' },
      { categorySlug: 'lainnya' },
      { categoryId: '00000000-0000-4000-8000-000000000009' },
      { contributorName: 'Yayasan Baru' },
      { contributorDisplayName: 'Nama Baru' },
      { contributorKind: 'ORGANIZATION' },
    ];
    for (const change of changes) {
      const { state, contributors } = databaseOf([{ ...current, ...change }]);
      expect([change, planCatchUp([current], state, contributors).stale]).toEqual([change, ['current']]);
    }
  });

  it('recomputes the RATING key of current documents when the rating mean moved, reading nothing', () => {
    const { state, contributors } = databaseOf([current], 3.5);
    const plan = planCatchUp([current], state, contributors);
    expect(plan).toMatchObject({ gone: [], stale: [], added: [] });
    expect(plan.rescored).toEqual([{ ...current, ratingScore: confidenceRating(current.ratingSum, current.ratingCount, 3.5) }]);
  });
});
