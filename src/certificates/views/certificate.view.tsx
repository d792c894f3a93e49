import { formatDate } from '../../web/format';
import { Layout } from '../../web/layout';
import { PageContext } from '../../web/page-context';
import { CertificateVerificationModel } from '../models/certificate-verification.model';

/** What an employer sees for a certificate code; an unknown code says only that it is not valid. */
export function CertificateView({ ctx, code, result }: { ctx: PageContext; code: string; result: CertificateVerificationModel }) {
  return (
    <Layout ctx={ctx} title="Periksa sertifikat">
      <h1>Periksa sertifikat</h1>
      {result.valid ? (
        <div class="notice ok">
          <p>
            <strong>{`Sertifikat ${code} sah.`}</strong>
          </p>
          <dl>
            <dt>Nama peserta</dt>
            <dd>{result.learnerName}</dd>
            <dt>Modul</dt>
            <dd>{result.moduleSlug ? <a href={`/modul/${encodeURIComponent(result.moduleSlug)}`}>{result.moduleTitle}</a> : result.moduleTitle}</dd>
            <dt>Penyelenggara</dt>
            <dd>{result.contributorName}</dd>
            <dt>Selesai pada</dt>
            <dd>{result.completedAt ? formatDate(result.completedAt) : '-'}</dd>
            {result.quizzesTotal > 0 && (
              <>
                <dt>Kuis lulus</dt>
                <dd>{`${result.quizzesPassed} dari ${result.quizzesTotal}`}</dd>
              </>
            )}
          </dl>
        </div>
      ) : (
        <p class="notice bad">Kode ini bukan kode sertifikat yang sah. Periksa lagi penulisannya.</p>
      )}
    </Layout>
  );
}
