import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LedgerEntryEntity, LedgerEntryKind } from './ledger-entry.entity';
import { WalletEntity } from './wallet.entity';

/** The training-credit ledger: append-only entries, a stored balance equal to their sum. */
@Injectable()
export class WalletService {
  /** Opens a beneficiary's wallet with its GRANT, inside the caller's transaction. */
  async open(manager: EntityManager, userId: string, grantIdr: number): Promise<void> {
    await manager.insert(WalletEntity, { userId, balanceIdr: grantIdr });
    await manager.insert(LedgerEntryEntity, { userId, kind: LedgerEntryKind.GRANT, amountIdr: grantIdr, balanceAfterIdr: grantIdr, reference: null });
  }
}
