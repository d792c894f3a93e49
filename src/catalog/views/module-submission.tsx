import { ModerationFindings } from '../../moderation/views/moderation-findings.view';
import { ModerationHistory } from '../../moderation/views/moderation-history.view';
import { CsrfField } from '../../web/components';
import { PageContext } from '../../web/page-context';
import { SavedModule } from '../module-editor-data';
import { ModuleStatus } from '../module-status';
import { MODULE_STATUS_LABELS } from './labels';

/** What the owner can do next, by status (the status machine's moves in words). */
function nextStep(saved: SavedModule): string {
  if (saved.revisionStatus === ModuleStatus.IN_REVIEW) return 'Perubahan Anda sedang ditinjau kurator. Peserta tetap melihat versi yang sudah disetujui sampai perubahan disetujui.';
  if (saved.revisionStatus === ModuleStatus.CHANGES_REQUESTED) return 'Kurator meminta perbaikan atas perubahan Anda. Perbaiki, simpan, lalu kirim lagi.';
  if (saved.revisionStatus === ModuleStatus.REJECTED) return 'Perubahan Anda ditolak. Anda bisa menyunting lagi; menyimpan akan mengirim perubahan baru untuk ditinjau.';
  switch (saved.status) {
    case ModuleStatus.DRAFT:
      return 'Lengkapi isinya, periksa temuan otomatis di bawah, lalu kirim untuk ditinjau.';
    case ModuleStatus.IN_REVIEW:
      return 'Modul sedang ditinjau kurator dan tidak bisa disunting sampai ada keputusan.';
    case ModuleStatus.CHANGES_REQUESTED:
      return 'Kurator meminta perbaikan. Baca catatannya, perbaiki, simpan, lalu kirim lagi.';
    case ModuleStatus.PUBLISHED:
      return 'Modul sudah terbit. Perubahan yang Anda simpan dikirim sebagai revisi untuk ditinjau; peserta tetap melihat versi yang sudah disetujui sampai kurator menyetujuinya.';
    case ModuleStatus.REJECTED:
      return 'Modul ditolak. Anda masih bisa menyuntingnya sebagai catatan, tetapi tidak bisa mengirimnya lagi.';
    case ModuleStatus.UNPUBLISHED:
      return 'Modul diturunkan. Perbaiki sesuai catatan kurator, lalu kirim lagi untuk ditinjau.';
    default:
      return 'Modul diarsipkan dan tidak bisa disunting lagi.';
  }
}

/** "Kirim untuk ditinjau": status, the curator's note, the findings before and after submitting, the submit and archive controls. */
export function ModuleSubmission({ ctx, saved }: { ctx: PageContext; saved: SavedModule }) {
  return (
    <section class="submission" aria-labelledby="status-judul">
      <h2 id="status-judul">Status dan peninjauan</h2>
      <dl class="facts">
        <dt>Status</dt>
        <dd>{MODULE_STATUS_LABELS[saved.status]}</dd>
        {saved.revisionStatus && (
          <>
            <dt>Revisi</dt>
            <dd>{MODULE_STATUS_LABELS[saved.revisionStatus]}</dd>
          </>
        )}
        <dt>Versi</dt>
        <dd>{saved.version}</dd>
      </dl>
      <p>{nextStep(saved)}</p>
      {saved.status === ModuleStatus.PUBLISHED && (
        <p>
          <a href={`/modul/${encodeURIComponent(saved.slug)}`}>Lihat halaman modul yang terbit</a>
        </p>
      )}
      {saved.reviewNote && (
        <div class="notice warn">
          <p>
            <strong>Catatan kurator:</strong>
          </p>
          <blockquote>{saved.reviewNote}</blockquote>
        </div>
      )}
      {saved.previewChecks && (
        <ModerationFindings
          checks={saved.previewChecks}
          related={saved.related}
          level={3}
          headingId="temuan-draf"
          title="Temuan pemeriksaan otomatis pada isi yang tersimpan (belum dikirim)"
        />
      )}
      {saved.storedChecks && <ModerationFindings checks={saved.storedChecks} related={saved.related} level={3} headingId="temuan-kirim" title="Temuan saat terakhir dikirim" />}
      {saved.canSubmit && (
        <form method="post" action={`/kontributor/modul/${saved.id}/kirim`}>
          <CsrfField ctx={ctx} />
          <p class="hint">Yang dikirim adalah isi yang sudah tersimpan; simpan dulu perubahan di formulir.</p>
          <button type="submit">Kirim untuk ditinjau</button>
        </form>
      )}
      {saved.canArchive && (
        <p>
          <a href={`/kontributor/modul/${saved.id}/arsipkan`}>Arsipkan modul ini</a>
        </p>
      )}
    </section>
  );
}

export function ModuleHistory({ saved }: { saved: SavedModule }) {
  return <ModerationHistory entries={saved.history} level={2} />;
}
