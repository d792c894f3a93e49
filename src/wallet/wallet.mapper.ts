import { LedgerEntryEntity } from './ledger-entry.entity';
import { isExhausted } from './ledger-rules';
import { LedgerEntryModel, WalletModel } from './models/wallet.model';
import { WalletView } from './wallet.service';

export const toWalletModel = (wallet: WalletView): WalletModel => ({ userId: wallet.userId, balanceIdr: wallet.balanceIdr, creditExhausted: isExhausted(wallet.balanceIdr) });

export const toLedgerEntryModel = (entry: LedgerEntryEntity): LedgerEntryModel => ({
  id: entry.id,
  kind: entry.kind,
  amountIdr: entry.amountIdr,
  balanceAfterIdr: entry.balanceAfterIdr,
  reference: entry.reference,
  description: entry.description,
  createdAt: entry.createdAt,
});
