import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ModuleEntity } from '../catalog/module.entity';
import { ModuleStatus } from '../catalog/module-status';
import { IndexRepair } from '../search/index-repair';
import { SEARCH_ENGINE, SearchEngine, SearchUnavailableError } from '../search/search-engine.port';
import { isExhausted } from '../wallet/ledger-rules';
import { WalletService } from '../wallet/wallet.service';
import { BeneficiaryProfile, compareOptions, fuseRankings, signalsFor } from './free-options-ranking';

export interface FreeOptions {
  creditExhausted: boolean;
  balanceIdr: number;
  modules: ModuleEntity[];
}

/** How many hits of each signal's search take part in the fusion. */
const POOL_SIZE = 50;

/** Free (Rp0) PUBLISHED modules that fit a beneficiary, excluding those they are enrolled in. */
@Injectable()
export class FreeOptionsService {
  private readonly logger = new Logger(FreeOptionsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly wallets: WalletService,
    private readonly repair: IndexRepair,
  ) {}

  /** freeOptionsForMe: the balance from the ledger, and the ranked modules. */
  async forBeneficiary(userId: string, first: number, like?: string | null): Promise<FreeOptions> {
    const [wallet, modules] = await Promise.all([this.wallets.wallet(userId), this.rank(userId, first, like)]);
    return { creditExhausted: isExhausted(wallet.balanceIdr), balanceIdr: wallet.balanceIdr, modules };
  }

  /**
   * The best `first` free modules for the beneficiary: one search per signal
   * (the like text, each interest, top skills and categories of past
   * enrollments) plus a popularity browse that fills up, fused by weighted
   * reciprocal rank; popularity and rating break ties. Deterministic.
   */
  async rank(userId: string, first: number, like?: string | null): Promise<ModuleEntity[]> {
    const { profile, enrolledIds } = await this.profile(userId);
    const signals = signalsFor(profile, like);
    const filters = { priceIdr: [0], excludeIds: enrolledIds };
    const pool = Math.max(POOL_SIZE, first);
    let rankings: { weight: number; ids: string[] }[];
    try {
      rankings = await Promise.all(
        [...signals, { name: 'popular', query: '', weight: 0 }].map(async (signal) => {
          const response = await this.engine.search({
            query: signal.query,
            filters: { ...filters, categorySlugs: 'categorySlugs' in signal ? signal.categorySlugs : undefined },
            sort: signal.query ? 'RELEVANCE' : 'POPULARITY',
            page: 1,
            pageSize: pool,
            facets: false,
          });
          return { weight: signal.weight, ids: response.hits.map((hit) => hit.id) };
        }),
      );
    } catch (error) {
      if (!(error instanceof SearchUnavailableError)) throw error;
      // Without the search engine, the most popular free modules are still worth offering.
      this.logger.warn('Search engine unavailable: free options fall back to popularity from the database');
      return this.popularFromDatabase(enrolledIds, first);
    }
    const scores = fuseRankings(rankings);
    const candidates = [...new Set(rankings.flatMap((ranking) => ranking.ids))];
    // The index trails the database by moments: only modules that are free, PUBLISHED and not enrolled now count.
    const modules = candidates.length === 0 ? [] : await this.dataSource
      .getRepository(ModuleEntity)
      .createQueryBuilder('m')
      .where('m.id IN (:...ids)', { ids: candidates })
      .andWhere('m.status = :status AND m.price_idr = 0', { status: ModuleStatus.PUBLISHED })
      .getMany();
    // A candidate the database does not hold PUBLISHED and free is a stale document: the index is told to catch up.
    const current = new Set(modules.map((module) => module.id));
    await this.repair.requestSync(candidates.filter((id) => !current.has(id)));
    const enrolled = new Set(enrolledIds);
    return modules.filter((module) => !enrolled.has(module.id)).sort(compareOptions(scores)).slice(0, first);
  }

  private async profile(userId: string): Promise<{ profile: BeneficiaryProfile; enrolledIds: string[] }> {
    const [[user], enrolled]: [{ interests: string[] }[], { module_id: string; category_slug: string; skills: string[] }[]] = await Promise.all([
      this.dataSource.query(`SELECT interests FROM users WHERE id = $1`, [userId]),
      this.dataSource.query(
        `SELECT e.module_id, c.slug AS category_slug, m.skills
           FROM enrollments e JOIN modules m ON m.id = e.module_id JOIN categories c ON c.id = m.category_id
          WHERE e.beneficiary_id = $1`,
        [userId],
      ),
    ]);
    const categories = new Map<string, number>();
    const skills = new Map<string, number>();
    for (const row of enrolled) {
      categories.set(row.category_slug, (categories.get(row.category_slug) ?? 0) + 1);
      for (const skill of row.skills) skills.set(skill, (skills.get(skill) ?? 0) + 1);
    }
    return {
      profile: {
        interests: user?.interests ?? [],
        categories: [...categories].map(([slug, count]) => ({ slug, count })),
        skills: [...skills].map(([skill, count]) => ({ skill, count })),
      },
      enrolledIds: enrolled.map((row) => row.module_id).sort(),
    };
  }

  private async popularFromDatabase(enrolledIds: string[], first: number): Promise<ModuleEntity[]> {
    const query = this.dataSource.getRepository(ModuleEntity).createQueryBuilder('m').where(`m.status = 'PUBLISHED' AND m.price_idr = 0`);
    if (enrolledIds.length > 0) query.andWhere('m.id NOT IN (:...enrolledIds)', { enrolledIds });
    const modules = await query.orderBy('m.enrollment_count', 'DESC').addOrderBy('m.id', 'ASC').limit(Math.max(POOL_SIZE, first)).getMany();
    return modules.sort(compareOptions(new Map())).slice(0, first);
  }
}
