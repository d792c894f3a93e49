import { ModuleStatus } from '../catalog/module-status';
import { judgeHit, withoutGoneHits } from './hit-check';
import type { ModuleDocument, SearchHit } from './search-engine.port';
import { moduleDocument } from '../../test/search/module-document.factory';

const hit = (id: string, overrides: Partial<ModuleDocument> = {}): SearchHit => ({
  id,
  document: moduleDocument({ id, ...overrides }),
  highlight: { title: id, summary: '' },
});

describe('judgeHit', () => {
  it('lets the document answer only when the database publishes the module at the document version', () => {
    expect(judgeHit(hit('a', { version: 3 }), { status: ModuleStatus.PUBLISHED, version: 3 })).toBe('CURRENT');
  });

  it('sends a published module whose document holds another version to its row', () => {
    expect(judgeHit(hit('a', { version: 3 }), { status: ModuleStatus.PUBLISHED, version: 4 })).toBe('OUTDATED');
    expect(judgeHit(hit('a', { version: 5 }), { status: ModuleStatus.PUBLISHED, version: 4 })).toBe('OUTDATED');
  });

  it.each([ModuleStatus.UNPUBLISHED, ModuleStatus.IN_REVIEW, ModuleStatus.ARCHIVED, ModuleStatus.DRAFT, ModuleStatus.REJECTED, ModuleStatus.CHANGES_REQUESTED])(
    'never lists a module that is %s now, whatever the version',
    (status) => {
      expect(judgeHit(hit('a', { version: 3 }), { status, version: 3 })).toBe('GONE');
      expect(judgeHit(hit('a', { version: 3 }), { status, version: 4 })).toBe('GONE');
    },
  );

  it('never lists a module the database no longer has', () => {
    expect(judgeHit(hit('a'), undefined)).toBe('GONE');
  });
});

describe('withoutGoneHits', () => {
  const facets = {
    category: [{ value: 'bahasa-asing', count: 3 }, { value: 'perkantoran', count: 1 }],
    level: [{ value: 'BEGINNER', count: 4 }],
    language: [{ value: 'id', count: 3 }, { value: 'en', count: 1 }],
    deliveryMode: [{ value: 'SELF_PACED', count: 4 }],
    priceIdr: [{ value: '0', count: 2 }, { value: '1', count: 2 }],
    certificate: [{ value: 'true', count: 4 }],
  };

  it('counts each gone document out of totalHits and out of every facet at its own value', () => {
    const gone = [hit('a', { categorySlug: 'bahasa-asing', priceIdr: 1, certificate: true, language: 'id' }), hit('b', { categorySlug: 'perkantoran', priceIdr: 1, language: 'en' })];
    const counted = withoutGoneHits({ totalHits: 4, facets }, gone);
    expect(counted.totalHits).toBe(2);
    expect(counted.facets).toEqual({
      category: [{ value: 'bahasa-asing', count: 2 }],
      level: [{ value: 'BEGINNER', count: 2 }],
      language: [{ value: 'id', count: 2 }],
      deliveryMode: [{ value: 'SELF_PACED', count: 2 }],
      priceIdr: [{ value: '0', count: 2 }],
      certificate: [{ value: 'true', count: 2 }],
    });
  });

  it('keeps facet values in the engines order (count descending, then value) after the change', () => {
    const counted = withoutGoneHits({ totalHits: 4, facets }, [hit('a', { categorySlug: 'bahasa-asing' }), hit('b', { categorySlug: 'bahasa-asing' })]);
    expect(counted.facets.category).toEqual([{ value: 'bahasa-asing', count: 1 }, { value: 'perkantoran', count: 1 }]);
  });

  it('leaves the counts alone when nothing is gone, and leaves facets that were not asked for empty', () => {
    const response = { totalHits: 4, facets };
    expect(withoutGoneHits(response, [])).toBe(response);
    const empty = { category: [], level: [], language: [], deliveryMode: [], priceIdr: [], certificate: [] };
    expect(withoutGoneHits({ totalHits: 1, facets: empty }, [hit('a')])).toEqual({ totalHits: 0, facets: empty });
  });
});
