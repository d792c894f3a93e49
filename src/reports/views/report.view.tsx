import { ErrorSummary } from '../../web/components';
import { FormErrors } from '../../web/form';
import { Layout } from '../../web/layout';
import { PageContext } from '../../web/page-context';
import { REPORT_FIELD_LABELS, ReportForm, ReportFormValues } from './report-form';

interface ReportViewProps {
  ctx: PageContext;
  module: { slug: string; title: string };
  values?: ReportFormValues;
  errors?: FormErrors;
}

/** /modul/{slug}/laporkan: the report form on its own page, and again with the errors when refused. */
export function ReportView({ ctx, module, values, errors }: ReportViewProps) {
  const { _form: whole, ...fields } = errors ?? {};
  return (
    <Layout ctx={ctx} title="Laporkan modul">
      <h1>Laporkan modul</h1>
      <p>
        Modul: <a href={`/modul/${encodeURIComponent(module.slug)}`}>{module.title}</a>
      </p>
      <p class="muted">Laporan Anda dibaca dan ditindaklanjuti oleh kurator.</p>
      {whole && (
        <p class="notice bad" role="alert">
          {whole}
        </p>
      )}
      <ErrorSummary errors={fields} labels={REPORT_FIELD_LABELS} />
      <ReportForm ctx={ctx} slug={module.slug} values={values} errors={errors} />
    </Layout>
  );
}
