import { CsrfField } from '../../web/components';
import { Layout } from '../../web/layout';
import { PageContext } from '../../web/page-context';

/** GET /keluar asks; only the form's POST signs out (a link or an image cannot sign anyone out). */
export function LogoutView({ ctx }: { ctx: PageContext }) {
  if (!ctx.viewer) {
    return (
      <Layout ctx={ctx} title="Keluar">
        <h1>Anda belum masuk</h1>
        <p>
          <a href="/masuk">Masuk</a>
        </p>
      </Layout>
    );
  }
  return (
    <Layout ctx={ctx} title="Keluar">
      <h1>Keluar</h1>
      <form method="post" action="/keluar">
        <CsrfField ctx={ctx} />
        <label class="check">
          <input type="checkbox" name="semua" value="ya" /> Keluar juga dari semua perangkat lain
        </label>
        <p>
          <button type="submit">Keluar</button>
        </p>
      </form>
    </Layout>
  );
}
