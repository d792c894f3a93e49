import { LedgerEntryKind } from '../ledger-entry.entity';

/** What each kind of ledger entry reads as on the wallet page. */
export const LEDGER_KIND_LABELS: Record<LedgerEntryKind, string> = {
  [LedgerEntryKind.GRANT]: 'Saldo awal',
  [LedgerEntryKind.EXTERNAL_SPEND]: 'Pelatihan Prakerja',
  [LedgerEntryKind.ENROLLMENT_FEE]: 'Biaya pendaftaran modul Rp1',
  [LedgerEntryKind.FEE_WAIVED]: 'Biaya modul Rp1 dibebaskan (saldo sudah habis)',
};
