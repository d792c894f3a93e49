import { CsrfField, Field } from '../../web/components';
import { FormErrors } from '../../web/form';
import { PageContext } from '../../web/page-context';
import { ReportReason } from '../report.entity';
import { REPORT_REASON_LABELS } from './report-labels';

export interface ReportFormValues {
  reason?: string;
  details?: string;
}

export const REPORT_FIELD_LABELS = { reason: 'Alasan', details: 'Keterangan (boleh dikosongkan)' };

/** POST /modul/{slug}/laporkan: the reason (ReportReason) and optional details, errors beside their fields. */
export function ReportForm({ ctx, slug, values = {}, errors }: { ctx: PageContext; slug: string; values?: ReportFormValues; errors?: FormErrors }) {
  return (
    <form method="post" action={`/modul/${encodeURIComponent(slug)}/laporkan`} novalidate>
      <CsrfField ctx={ctx} />
      <Field name="reason" label={REPORT_FIELD_LABELS.reason} errors={errors}>
        {(describedBy, invalid) => (
          <select id="reason" name="reason" required aria-describedby={describedBy} aria-invalid={invalid ? 'true' : undefined}>
            <option value="">Pilih alasan</option>
            {Object.values(ReportReason).map((reason) => (
              <option key={reason} value={reason} selected={values.reason === reason}>
                {REPORT_REASON_LABELS[reason]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="details" label={REPORT_FIELD_LABELS.details} hint="Paling banyak 2000 karakter." errors={errors}>
        {(describedBy, invalid) => (
          <textarea id="details" name="details" maxLength={2000} aria-describedby={describedBy} aria-invalid={invalid ? 'true' : undefined}>
            {values.details ?? ''}
          </textarea>
        )}
      </Field>
      <button type="submit" class="secondary">
        Kirim laporan
      </button>
    </form>
  );
}
