import type { ComponentChildren } from 'preact';
import type { ContributorStats } from '../../learning/contributor-stats.service';
import { ChoiceFilter } from '../../web/components';
import { formatDate } from '../../web/format';
import { Layout } from '../../web/layout';
import { PageContext } from '../../web/page-context';
import { ModuleStatus } from '../module-status';
import { MODULE_STATUS_CHOICES, MODULE_STATUS_LABELS } from './labels';

/** One of the contributor's modules as "Modul Saya" lists it. */
export interface MyModuleItem {
  id: string;
  slug: string;
  title: string;
  status: ModuleStatus;
  updatedAt: Date;
  /** A PUBLISHED module's pending revision's status (IN_REVIEW, CHANGES_REQUESTED or REJECTED), if it has one. */
  revisionStatus: ModuleStatus | null;
  /** The curator's note behind the current status or revision status, if any. */
  curatorNote: string | null;
  enrollmentCount: number;
  completionCount: number;
  ratingAverage: number | null;
  ratingCount: number;
}

interface MyModulesViewProps {
  ctx: PageContext;
  items: MyModuleItem[];
  totals: ContributorStats;
  /** The status filter in force, if any. */
  status: ModuleStatus | null;
  totalCount: number;
  /** The next page's query string, when there is one. */
  nextPage: string | null;
  /** True on a page after the first. */
  paged: boolean;
}

const rating = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 2 });
const count = new Intl.NumberFormat('id-ID');

const ratingText = (average: number | null, ratings: number): string =>
  average === null || ratings === 0 ? 'Belum ada penilaian' : `${rating.format(average)} dari 5 (${count.format(ratings)} penilaian)`;

/** Modul Saya: the contributor's totals, then each module with its status, what to do next and how it does. */
export function MyModulesView({ ctx, items, totals, status, totalCount, nextPage, paged }: MyModulesViewProps) {
  const firstPage = status ? `/kontributor?status=${status}` : '/kontributor';
  return (
    <Layout ctx={ctx} title="Modul Saya">
      <h1>Modul Saya</h1>
      <p class="actions">
        <a class="btn" href="/kontributor/modul/baru">
          Tulis modul baru
        </a>
        <a class="btn secondary" href="/kontributor/impor">
          Impor banyak modul
        </a>
      </p>
      <section aria-labelledby="ringkasan-judul">
        <h2 id="ringkasan-judul">Ringkasan semua modul Anda</h2>
        <dl class="stats">
          <Stat label="Terbit">{count.format(totals.publishedModules)}</Stat>
          <Stat label="Sedang ditinjau">{count.format(totals.inReviewModules)}</Stat>
          <Stat label="Peserta terdaftar">{count.format(totals.totalEnrollments)}</Stat>
          <Stat label="Peserta selesai">{count.format(totals.totalCompletions)}</Stat>
          <Stat label="Rata-rata penilaian">{totals.ratingAverage === null ? 'Belum ada' : `${rating.format(totals.ratingAverage)} dari 5`}</Stat>
        </dl>
      </section>
      {totalCount === 0 && !status && !paged ? (
        <EmptyState />
      ) : (
        <section aria-labelledby="daftar-judul">
          <h2 id="daftar-judul">Daftar modul</h2>
          <ChoiceFilter action="/kontributor" id="saring-status" name="status" label="Saring menurut status" choices={MODULE_STATUS_CHOICES} selected={status} anyLabel="Semua status" live="#modul-saya" />
          <div id="modul-saya">
            <p class="muted">{status ? `${totalCount} modul berstatus ${MODULE_STATUS_LABELS[status]}` : `${totalCount} modul, terbaru dulu`}</p>
            {items.length === 0 && <p>Tidak ada modul dengan status ini.</p>}
            <ul class="cards">
              {items.map((item) => (
                <ModuleItem item={item} key={item.id} />
              ))}
            </ul>
            {(nextPage || paged) && (
              <nav class="pager" aria-label="Halaman">
                {paged ? <a href={firstPage}>Ke halaman pertama</a> : <span />}
                {nextPage && <a href={`/kontributor?${nextPage}`}>Halaman berikutnya</a>}
              </nav>
            )}
          </div>
        </section>
      )}
    </Layout>
  );
}

function Stat({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function EmptyState() {
  return (
    <section class="notice" aria-labelledby="mulai-judul">
      <h2 id="mulai-judul">Belum ada modul. Begini cara memulai:</h2>
      <ol>
        <li>
          <a href="/kontributor/modul/baru">Tulis modul baru</a>: judul, ringkasan, deskripsi dan pelajarannya; atau{' '}
          <a href="/kontributor/impor">impor banyak modul</a> sekaligus dari berkas CSV atau JSON.
        </li>
        <li>Simpan sebagai draf, lalu kirim untuk ditinjau. Pemeriksaan otomatis langsung memberi tahu bila ada yang kurang.</li>
        <li>Kurator meninjaunya. Setelah disetujui, modul terbit dan bisa dicari penerima Kartu Prakerja; jumlah peserta dan penilaiannya tampil di sini.</li>
      </ol>
    </section>
  );
}

function ModuleItem({ item }: { item: MyModuleItem }) {
  const editor = `/kontributor/modul/${item.id}`;
  return (
    <li class="card my-module">
      <h3>
        <a href={editor}>{item.title}</a>
      </h3>
      <ul class="meta">
        <li>
          Status: <strong>{MODULE_STATUS_LABELS[item.status]}</strong>
        </li>
        {item.revisionStatus && <li>{`Perubahan: ${MODULE_STATUS_LABELS[item.revisionStatus].toLowerCase()}`}</li>}
        <li>{`Diperbarui ${formatDate(item.updatedAt)}`}</li>
      </ul>
      {item.curatorNote && (
        <div class="curator-note">
          <p>
            <strong>Catatan kurator:</strong>
          </p>
          <blockquote>{item.curatorNote}</blockquote>
        </div>
      )}
      <p>
        <strong>Langkah berikutnya:</strong> <NextStep item={item} editor={editor} />
      </p>
      <dl class="stats small">
        <Stat label="Terdaftar">{count.format(item.enrollmentCount)}</Stat>
        <Stat label="Selesai">{count.format(item.completionCount)}</Stat>
        <Stat label="Penilaian">{ratingText(item.ratingAverage, item.ratingCount)}</Stat>
      </dl>
    </li>
  );
}

/** What the owner can do now, following the status machine (a PUBLISHED module's pending revision first). */
function NextStep({ item, editor }: { item: MyModuleItem; editor: string }) {
  switch (item.revisionStatus ?? item.status) {
    case ModuleStatus.DRAFT:
      return (
        <>
          <a href={editor}>lengkapi isinya</a>, lalu kirim untuk ditinjau.
        </>
      );
    case ModuleStatus.IN_REVIEW:
      return item.revisionStatus ? (
        <>
          tunggu keputusan kurator atas perubahan Anda. Peserta tetap melihat versi yang sudah disetujui: <a href={`/modul/${item.slug}`}>lihat di situs</a>.
        </>
      ) : (
        <>tunggu keputusan kurator. Selama ditinjau, modul tidak bisa diubah.</>
      );
    case ModuleStatus.CHANGES_REQUESTED:
      return (
        <>
          baca catatan kurator, <a href={editor}>perbaiki {item.revisionStatus ? 'perubahan Anda' : 'modulnya'}</a>, lalu kirim lagi untuk ditinjau.
        </>
      );
    case ModuleStatus.PUBLISHED:
      return (
        <>
          modul sudah bisa dicari dan dipelajari: <a href={`/modul/${item.slug}`}>lihat di situs</a>. Perubahan yang Anda simpan akan ditinjau dulu.
        </>
      );
    case ModuleStatus.UNPUBLISHED:
      return (
        <>
          modul diturunkan. Baca catatan kurator, <a href={editor}>perbaiki modulnya</a>, lalu kirim lagi untuk ditinjau.
        </>
      );
    case ModuleStatus.REJECTED:
      return item.revisionStatus ? (
        <>
          perubahan Anda ditolak; peserta tetap melihat versi yang disetujui. Baca catatan kurator; bila perlu, <a href={editor}>tulis perubahan baru</a>.
        </>
      ) : (
        <>baca catatan kurator. Modul yang ditolak tidak bisa dikirim lagi; tulis modul baru bila ingin mencoba lagi.</>
      );
    default:
      return <>tidak ada. Modul yang diarsipkan tidak tampil di situs.</>;
  }
}
