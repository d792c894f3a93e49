import { CsrfField } from '../../web/components';
import { Layout } from '../../web/layout';
import { PageContext } from '../../web/page-context';
import { SavedModule } from '../module-editor-data';

/** /kontributor/modul/{id}/arsipkan: the confirmation step before archiveModule. */
export function ModuleArchiveView({ ctx, saved }: { ctx: PageContext; saved: Pick<SavedModule, 'id' | 'title'> }) {
  return (
    <Layout ctx={ctx} title="Arsipkan modul">
      <h1>Arsipkan modul?</h1>
      <p>
        Modul <strong>{saved.title}</strong> akan diarsipkan: tidak tampil lagi di katalog dan pencarian, dan tidak bisa disunting atau dikirim
        untuk ditinjau lagi. Langkah ini tidak bisa dibatalkan.
      </p>
      <form method="post" action={`/kontributor/modul/${saved.id}/arsipkan`}>
        <CsrfField ctx={ctx} />
        <div class="actions">
          <button type="submit">
            Ya, arsipkan
          </button>
          <a href={`/kontributor/modul/${saved.id}`}>Batal, kembali ke editor</a>
        </div>
      </form>
    </Layout>
  );
}
