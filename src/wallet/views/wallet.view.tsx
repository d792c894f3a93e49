import { ModuleCard, ModuleCardData } from '../../catalog/views/module-card';
import { formatDateTime, formatRupiah } from '../../web/format';
import { Layout } from '../../web/layout';
import { PageContext } from '../../web/page-context';
import { LedgerEntryEntity } from '../ledger-entry.entity';
import { LEDGER_KIND_LABELS } from './ledger-labels';

interface WalletViewProps {
  ctx: PageContext;
  balanceIdr: number;
  creditExhausted: boolean;
  /** Shown under the banner when the credit is exhausted (first page only). */
  freeOptions: ModuleCardData[];
  entries: LedgerEntryEntity[];
  /** 1-based; whether a later page exists. */
  page: number;
  hasNextPage: boolean;
}

export function WalletView({ ctx, balanceIdr, creditExhausted, freeOptions, entries, page, hasNextPage }: WalletViewProps) {
  return (
    <Layout ctx={ctx} title={page > 1 ? `Dompet (halaman ${page})` : 'Dompet'}>
      <h1>Dompet</h1>
      <p class="balance">
        Saldo pelatihan Kartu Prakerja: <strong>{formatRupiah(balanceIdr)}</strong>
      </p>
      {creditExhausted && (
        <section class="notice warn" aria-labelledby="saldo-habis">
          <h2 id="saldo-habis">Saldo pelatihan Anda sudah habis — modul berikut tetap gratis untuk Anda</h2>
          <p>Modul seharga Rp1 pun tidak dipungut biaya lagi: biayanya dibebaskan.</p>
          {freeOptions.length > 0 && (
            <ul class="cards">
              {freeOptions.map((card) => (
                <ModuleCard key={card.slug} module={card} />
              ))}
            </ul>
          )}
          <p>
            <a href="/gratis">Lihat semua modul gratis untuk Anda</a>
          </p>
        </section>
      )}
      <h2 id="riwayat-saldo">Riwayat saldo</h2>
      {entries.length === 0 ? (
        <p>
          Tidak ada catatan di halaman ini. <a href="/dompet">Kembali ke halaman pertama</a>.
        </p>
      ) : (
        // Focusable, so a keyboard can scroll the table sideways on a narrow phone (axe: scrollable-region-focusable).
        <div class="table-scroll" role="region" aria-labelledby="riwayat-saldo" tabIndex={0}>
          <table>
            <caption class="sr-only">Catatan saldo, terbaru di atas</caption>
            <thead>
              <tr>
                <th scope="col">Waktu</th>
                <th scope="col">Keterangan</th>
                <th scope="col" class="num">Jumlah</th>
                <th scope="col" class="num">Saldo</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <time dateTime={new Date(entry.createdAt).toISOString()}>{formatDateTime(entry.createdAt)}</time>
                  </td>
                  <td>
                    {LEDGER_KIND_LABELS[entry.kind]}
                    {entry.description && <span class="muted">{`: ${entry.description}`}</span>}
                  </td>
                  <td class="num">{entry.amountIdr > 0 ? `+${formatRupiah(entry.amountIdr)}` : formatRupiah(entry.amountIdr)}</td>
                  <td class="num">{formatRupiah(entry.balanceAfterIdr)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(page > 1 || hasNextPage) && (
        <nav class="pager" aria-label="Halaman riwayat saldo">
          {page > 1 ? <a href={page === 2 ? '/dompet' : `/dompet?halaman=${page - 1}`}>‹ Lebih baru</a> : <span />}
          {hasNextPage && <a href={`/dompet?halaman=${page + 1}`}>Lebih lama ›</a>}
        </nav>
      )}
    </Layout>
  );
}
