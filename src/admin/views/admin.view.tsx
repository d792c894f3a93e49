import { UserEntity } from '../../accounts/user.entity';
import { OutboxStatus } from '../../queue/outbox-status';
import { ReindexJobEntity } from '../../search/reindex-job.entity';
import { CsrfField, ErrorSummary, TextField } from '../../web/components';
import { FormErrors } from '../../web/form';
import { formatDate, formatDuration } from '../../web/format';
import { Layout } from '../../web/layout';
import { PageContext } from '../../web/page-context';
import { isUnderway, ReindexFacts } from './reindex-job.view';

export interface CuratorFormValues {
  displayName?: string;
  email?: string;
}

const CURATOR_FIELD_LABELS = { displayName: 'Nama tampilan', email: 'Email', password: 'Kata sandi awal' };

interface AdminViewProps {
  ctx: PageContext;
  curators: Pick<UserEntity, 'id' | 'displayName' | 'email' | 'createdAt'>[];
  latestReindex: ReindexJobEntity | null;
  outbox: OutboxStatus;
  curatorForm: { values?: CuratorFormValues; errors?: FormErrors };
}

/** /admin: curators, the search index and the job pipeline. */
export function AdminView({ ctx, curators, latestReindex, outbox, curatorForm }: AdminViewProps) {
  return (
    <Layout ctx={ctx} title="Admin">
      <h1>Admin</h1>
      <Curators ctx={ctx} curators={curators} form={curatorForm} />
      <SearchIndex ctx={ctx} latest={latestReindex} />
      <JobPipeline outbox={outbox} />
    </Layout>
  );
}

function Curators({ ctx, curators, form }: { ctx: PageContext; curators: AdminViewProps['curators']; form: AdminViewProps['curatorForm'] }) {
  const { _form: whole, ...fields } = form.errors ?? {};
  return (
    <section aria-labelledby="kurator">
      <h2 id="kurator">Kurator</h2>
      {whole && (
        <p class="notice bad" role="alert">
          {whole}
        </p>
      )}
      <ErrorSummary errors={fields} labels={CURATOR_FIELD_LABELS} />
      <form method="post" action="/admin/kurator" novalidate>
        <CsrfField ctx={ctx} />
        <TextField name="displayName" label={CURATOR_FIELD_LABELS.displayName} value={form.values?.displayName} errors={form.errors} required maxLength={80} autocomplete="off" />
        <TextField name="email" label={CURATOR_FIELD_LABELS.email} type="email" value={form.values?.email} errors={form.errors} required autocomplete="off" />
        <TextField
          name="password"
          label={CURATOR_FIELD_LABELS.password}
          type="password"
          hint="Paling sedikit 10 karakter. Kurator bisa menggantinya setelah masuk."
          errors={form.errors}
          required
          autocomplete="new-password"
        />
        <button type="submit">Buat akun kurator</button>
      </form>
      <h3>{`Kurator terdaftar (${curators.length})`}</h3>
      {curators.length === 0 ? (
        <p class="muted">Belum ada kurator.</p>
      ) : (
        <ul class="admin-list">
          {curators.map((curator) => (
            <li key={curator.id}>
              <strong>{curator.displayName}</strong> <span class="muted">{`${curator.email} · dibuat ${formatDate(curator.createdAt)}`}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function SearchIndex({ ctx, latest }: { ctx: PageContext; latest: ReindexJobEntity | null }) {
  return (
    <section aria-labelledby="indeks">
      <h2 id="indeks">Indeks pencarian</h2>
      <p>Membangun ulang indeks dari modul terbit di basis data, tanpa menghentikan pencarian: indeks lama dipakai sampai yang baru siap.</p>
      {latest && (
        <>
          <h3>{isUnderway(latest) ? 'Sedang berjalan' : 'Terakhir kali'}</h3>
          <ReindexFacts job={latest} />
          <p>
            <a href={`/admin/reindeks/${latest.id}`}>Lihat kemajuannya</a>
          </p>
        </>
      )}
      <form method="post" action="/admin/reindeks">
        <CsrfField ctx={ctx} />
        <button type="submit" class="secondary">
          Bangun ulang indeks
        </button>
      </form>
    </section>
  );
}

/** outboxStatus, as /health's checks.outbox shows it. */
function JobPipeline({ outbox }: { outbox: OutboxStatus }) {
  return (
    <section aria-labelledby="antrean">
      <h2 id="antrean">Antrean pekerjaan</h2>
      <dl class="facts">
        <dt>Menunggu</dt>
        <dd>{outbox.pending}</dd>
        <dt>Menunggu paling lama</dt>
        <dd>{outbox.oldestPendingSeconds === null ? 'Tidak ada yang menunggu' : ageOf(outbox.oldestPendingSeconds)}</dd>
        <dt>Menyerah (gagal)</dt>
        <dd>{outbox.givenUp}</dd>
      </dl>
      {outbox.givenUp > 0 && (
        <p class="notice warn">
          Ada pekerjaan yang menyerah setelah semua percobaannya. Operator bisa melihat dan mengulangnya dengan <code>npm run outbox -- status</code> dan{' '}
          <code>npm run outbox -- retry --all</code>.
        </p>
      )}
    </section>
  );
}

const ageOf = (seconds: number): string => (seconds < 60 ? `${seconds} detik` : formatDuration(Math.floor(seconds / 60)));
