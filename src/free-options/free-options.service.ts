import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ModuleEntity } from '../catalog/module.entity';
import { ModuleStatus } from '../catalog/module-status';
import { IndexRepair } from '../search/index-repair';
import { SEARCH_ENGINE, SearchEngine, SearchUnavailableError } from '../search/search-engine.port';
import { SEARCH_LANGUAGE, SearchLanguage } from '../search/text/search-language';
import { isExhausted } from '../wallet/ledger-rules';
import { WalletService } from '../wallet/wallet.service';
import { BeneficiaryProfile, compareOptions, signalsFor } from './free-options-ranking';
import { gatherFreeOptions, orderOptions, POOL_SIZE } from './free-options-search';

export interface FreeOptions {
  creditExhausted: boolean;
  balanceIdr: number;
  modules: ModuleEntity[];
}

/** What to rank for: a like text and, for a notification, the ledger entry that exhausted the credit. */
export interface RankingRequest {
  like?: string | null;
  /** Only spends recorded up to this ledger entry count as purchases (the CREDIT_EXHAUSTED notification's entry). */
  untilLedgerEntryId?: string;
}

/** Spend prices offered: Rp0 always; Rp1 too once the credit is exhausted, because its fee is then waived. */
export const offeredPrices = (creditExhausted: boolean): number[] => (creditExhausted ? [0, 1] : [0]);

/** How many paid-course titles of past spends count as purchases (newest first). */
const PURCHASES = 3;

/** PUBLISHED modules that cost the beneficiary nothing and fit them, excluding those they are enrolled in. */
@Injectable()
export class FreeOptionsService {
  private readonly logger = new Logger(FreeOptionsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    /** Stop words and synonym phrases (curated ones included) split a like text into clauses, as the engines read them. */
    @Inject(SEARCH_LANGUAGE) private readonly language: SearchLanguage,
    private readonly wallets: WalletService,
    private readonly repair: IndexRepair,
  ) {}

  /** freeOptionsForMe: the balance from the ledger, and the ranked modules. */
  async forBeneficiary(userId: string, first: number, like?: string | null): Promise<FreeOptions> {
    const balance = await this.balance(userId);
    return { ...balance, modules: await this.rank(userId, first, balance.creditExhausted, { like }) };
  }

  /** The balance, and whether the credit is exhausted (which decides the prices offered). */
  async balance(userId: string): Promise<Omit<FreeOptions, 'modules'>> {
    const { balanceIdr } = await this.wallets.wallet(userId);
    return { creditExhausted: isExhausted(balanceIdr), balanceIdr };
  }

  /**
   * The best `first` options: the signals of fit (the like text, the paid
   * courses bought, interests, skills and categories of past enrollments)
   * ranked and fused (free-options-ranking.ts), popular modules only after
   * every related one, near-identical titles after the rest. Deterministic.
   */
  async rank(userId: string, first: number, creditExhausted: boolean, request: RankingRequest = {}): Promise<ModuleEntity[]> {
    const { profile, enrolledIds } = await this.profile(userId, request.untilLedgerEntryId);
    const priceIdr = offeredPrices(creditExhausted);
    let candidates: { scores: Map<string, number>; ids: string[] };
    try {
      const gathered = await gatherFreeOptions(this.engine, this.language, { signals: signalsFor(profile, request.like), priceIdr, excludeIds: enrolledIds, first });
      candidates = { scores: gathered.scores, ids: gathered.documents.map((document) => document.id) };
    } catch (error) {
      if (!(error instanceof SearchUnavailableError)) throw error;
      // Without the search engine, the most popular options are still worth offering.
      this.logger.warn('Search engine unavailable: free options fall back to popularity from the database');
      return this.popularFromDatabase(enrolledIds, priceIdr, first);
    }
    // The index trails the database by moments: only modules PUBLISHED at an offered price and not enrolled now count.
    const modules = candidates.ids.length === 0 ? [] : await this.dataSource
      .getRepository(ModuleEntity)
      .createQueryBuilder('m')
      .where('m.id IN (:...ids)', { ids: candidates.ids })
      .andWhere('m.status = :status AND m.price_idr IN (:...priceIdr)', { status: ModuleStatus.PUBLISHED, priceIdr })
      .getMany();
    // A candidate the database does not hold PUBLISHED at an offered price is a stale document: the index is told to catch up.
    const current = new Set(modules.map((module) => module.id));
    await this.repair.requestSync(candidates.ids.filter((id) => !current.has(id)));
    const enrolled = new Set(enrolledIds);
    return orderOptions(
      modules.filter((module) => !enrolled.has(module.id)),
      candidates.scores,
      this.language,
      first,
    );
  }

  private async profile(userId: string, untilLedgerEntryId?: string): Promise<{ profile: BeneficiaryProfile; enrolledIds: string[] }> {
    const [[user], enrolled, purchases]: [{ interests: string[] }[], { module_id: string; title: string; category_slug: string; skills: string[] }[], { description: string }[]] = await Promise.all([
      this.dataSource.query(`SELECT interests FROM users WHERE id = $1`, [userId]),
      this.dataSource.query(
        `SELECT e.module_id, m.title, c.slug AS category_slug, m.skills
           FROM enrollments e JOIN modules m ON m.id = e.module_id JOIN categories c ON c.id = m.category_id
          WHERE e.beneficiary_id = $1
          ORDER BY e.enrolled_at DESC, e.module_id`,
        [userId],
      ),
      this.dataSource.query(
        `SELECT description FROM ledger_entries
          WHERE user_id = $1 AND kind = 'EXTERNAL_SPEND' AND description IS NOT NULL
            AND ($2::uuid IS NULL OR seq <= (SELECT seq FROM ledger_entries WHERE id = $2::uuid))
          ORDER BY seq DESC LIMIT $3`,
        [userId, untilLedgerEntryId ?? null, PURCHASES],
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
        purchases: purchases.map((row) => row.description),
        categories: [...categories].map(([slug, count]) => ({ slug, count })),
        enrolledTitles: enrolled.map((row) => row.title),
        skills: [...skills].map(([skill, count]) => ({ skill, count })),
      },
      enrolledIds: enrolled.map((row) => row.module_id).sort(),
    };
  }

  private async popularFromDatabase(enrolledIds: string[], priceIdr: number[], first: number): Promise<ModuleEntity[]> {
    const query = this.dataSource
      .getRepository(ModuleEntity)
      .createQueryBuilder('m')
      .where(`m.status = 'PUBLISHED' AND m.price_idr IN (:...priceIdr)`, { priceIdr });
    if (enrolledIds.length > 0) query.andWhere('m.id NOT IN (:...enrolledIds)', { enrolledIds });
    const modules = await query.orderBy('m.enrollment_count', 'DESC').addOrderBy('m.id', 'ASC').limit(Math.max(POOL_SIZE, first)).getMany();
    return modules.sort(compareOptions(new Map())).slice(0, first);
  }
}
