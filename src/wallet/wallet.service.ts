import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { badInput, conflict, notFound } from '../common/domain-error';
import { MAX_PAGE_SIZE } from '../graphql/pagination';
import { JobName } from '../queue/jobs';
import { Outbox } from '../queue/outbox';
import { RecordCreditSpendInput } from './dto/record-credit-spend.input';
import { LedgerEntryEntity, LedgerEntryKind } from './ledger-entry.entity';
import { exhausts } from './ledger-rules';
import { WalletEntity } from './wallet.entity';

/** A wallet as read: whose it is and its balance (always the sum of its entries). */
export interface WalletView {
  userId: string;
  balanceIdr: number;
}

/** A wallet whose stored balance disagrees with its entries (there should be none). */
export interface LedgerMismatch {
  userId: string;
  balanceIdr: number;
  sumOfEntriesIdr: number;
  lastBalanceAfterIdr: number | null;
}

interface SpendRow {
  user_id: string;
  amount_idr: number;
  description: string | null;
}

/**
 * The training-credit ledger: append-only entries, a stored balance equal to
 * their sum. Every write locks the wallet row first (SELECT ... FOR UPDATE)
 * and computes from the locked balance, so concurrent spends and fees queue
 * up instead of overwriting each other. Enrolment fees are written by the
 * database function enroll_beneficiary (migration 1764910000000), under the
 * same lock.
 */
@Injectable()
export class WalletService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /** Opens a beneficiary's wallet with its GRANT, inside the caller's transaction. */
  async open(manager: EntityManager, userId: string, grantIdr: number): Promise<void> {
    await manager.insert(WalletEntity, { userId, balanceIdr: grantIdr });
    await manager.insert(LedgerEntryEntity, { userId, kind: LedgerEntryKind.GRANT, amountIdr: grantIdr, balanceAfterIdr: grantIdr, reference: null });
  }

  /** The caller's wallet. */
  async wallet(userId: string): Promise<WalletView> {
    const wallet = await this.dataSource.getRepository(WalletEntity).findOneBy({ userId });
    if (!wallet) throw notFound('Wallet');
    return { userId, balanceIdr: wallet.balanceIdr };
  }

  /** The newest `first` entries of a wallet, after skipping the newest `skip` (the web page's later pages). */
  async entries(userId: string, first: number | null | undefined, skip = 0): Promise<LedgerEntryEntity[]> {
    const size = first ?? 50;
    if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) throw badInput('first', `must be between 1 and ${MAX_PAGE_SIZE}`);
    if (!Number.isSafeInteger(skip) || skip < 0) throw badInput('skip', 'must be a whole number, zero or more');
    return this.dataSource.getRepository(LedgerEntryEntity).find({ where: { userId }, order: { seq: 'DESC' }, take: size, skip });
  }

  /**
   * Records a spend reported by the programme's platform. Idempotent by
   * reference through the partial unique index (INSERT ... ON CONFLICT DO
   * NOTHING): the same reference, card, amount and course title again returns
   * the wallet and writes nothing; the same reference with another card,
   * amount or title (a title given once and not the other time included) is
   * CONFLICT. A spend above the balance is BAD_USER_INPUT and writes nothing.
   */
  async recordExternalSpend(input: RecordCreditSpendInput): Promise<WalletView> {
    return this.dataSource.transaction(async (manager) => {
      const [user]: { id: string }[] = await manager.query(`SELECT id FROM users WHERE prakerja_card_number = $1 AND role = 'BENEFICIARY'`, [input.prakerjaCardNumber]);
      if (!user) throw notFound('Beneficiary with this Prakerja card number');
      const balance = await this.lockBalance(manager, user.id);

      if (input.amountIdr > balance) {
        // A replay of a spend recorded while the balance allowed it is still just a replay.
        const recorded = await this.spendByReference(manager, input.reference);
        if (recorded) return this.replayed(recorded, user.id, input, balance);
        throw badInput('amountIdr', `exceeds the remaining training credit of Rp${balance}`);
      }

      const after = balance - input.amountIdr;
      const [inserted]: { id: string }[] = await manager.query(
        `INSERT INTO ledger_entries (user_id, kind, amount_idr, balance_after_idr, reference, description)
         VALUES ($1, 'EXTERNAL_SPEND', $2, $3, $4, $5)
         ON CONFLICT (reference) WHERE kind = 'EXTERNAL_SPEND' DO NOTHING
         RETURNING id`,
        [user.id, -input.amountIdr, after, input.reference, input.courseTitle ?? null],
      );
      if (!inserted) {
        const recorded = await this.spendByReference(manager, input.reference);
        return this.replayed(recorded!, user.id, input, balance);
      }
      await this.applyToBalance(manager, user.id, -input.amountIdr);
      if (exhausts(balance, after)) await this.outbox.enqueue(manager, JobName.NOTIFY_CREDIT_EXHAUSTED, { userId: user.id, ledgerEntryId: inserted.id });
      return { userId: user.id, balanceIdr: after };
    });
  }

  /** Wallets whose stored balance is not the sum of their entries, or not the last entry's balance after. */
  async reconcile(): Promise<LedgerMismatch[]> {
    const rows: { user_id: string; balance_idr: number; sum_idr: number; last_after_idr: number | null }[] = await this.dataSource.query(
      `SELECT w.user_id, w.balance_idr, coalesce(s.sum_idr, 0)::int AS sum_idr, last.balance_after_idr AS last_after_idr
         FROM wallets w
         LEFT JOIN (SELECT user_id, sum(amount_idr) AS sum_idr FROM ledger_entries GROUP BY user_id) s ON s.user_id = w.user_id
         LEFT JOIN LATERAL (SELECT balance_after_idr FROM ledger_entries l WHERE l.user_id = w.user_id ORDER BY seq DESC LIMIT 1) last ON true
        WHERE w.balance_idr <> coalesce(s.sum_idr, 0) OR last.balance_after_idr IS DISTINCT FROM w.balance_idr`,
    );
    return rows.map((row) => ({ userId: row.user_id, balanceIdr: row.balance_idr, sumOfEntriesIdr: row.sum_idr, lastBalanceAfterIdr: row.last_after_idr }));
  }

  /** The wallet's balance, with its row locked until the transaction ends. */
  private async lockBalance(manager: EntityManager, userId: string): Promise<number> {
    const [wallet]: { balance_idr: number }[] = await manager.query(`SELECT balance_idr FROM wallets WHERE user_id = $1 FOR UPDATE`, [userId]);
    if (!wallet) throw notFound('Wallet');
    return wallet.balance_idr;
  }

  /** Adds a signed amount in SQL; the CHECK (balance_idr >= 0) and the guard make a negative balance impossible. */
  private async applyToBalance(manager: EntityManager, userId: string, deltaIdr: number): Promise<void> {
    const [, affected]: [unknown, number] = await manager.query(
      `UPDATE wallets SET balance_idr = balance_idr + $2, updated_at = now() WHERE user_id = $1 AND balance_idr + $2 >= 0`,
      [userId, deltaIdr],
    );
    if (affected !== 1) throw new Error('Wallet balance changed under a row lock');
  }

  private async spendByReference(manager: EntityManager, reference: string): Promise<SpendRow | undefined> {
    const [row]: SpendRow[] = await manager.query(`SELECT user_id, amount_idr, description FROM ledger_entries WHERE kind = 'EXTERNAL_SPEND' AND reference = $1`, [reference]);
    return row;
  }

  private replayed(recorded: SpendRow, userId: string, input: RecordCreditSpendInput, balanceIdr: number): WalletView {
    if (recorded.user_id !== userId || -recorded.amount_idr !== input.amountIdr || recorded.description !== (input.courseTitle ?? null)) {
      throw conflict('This reference was already recorded for a different card, amount or course title');
    }
    return { userId, balanceIdr };
  }
}
