import { CsrfField, Field } from '../../web/components';
import { FormErrors } from '../../web/form';
import { PageContext } from '../../web/page-context';
import { ReviewDecision } from '../dto/review-module.input';

export interface DecisionValues {
  decision?: string;
  note?: string;
}

const DECISION_LABELS: Record<ReviewDecision, string> = {
  [ReviewDecision.APPROVE]: 'Setujui dan terbitkan',
  [ReviewDecision.REQUEST_CHANGES]: 'Minta perbaikan',
  [ReviewDecision.REJECT]: 'Tolak',
};

export const DECISION_FIELD_LABELS = { decision: 'Keputusan', note: 'Catatan untuk kontributor', unpublishNote: 'Alasan penurunan' };

/** ReviewModuleInput's rule for the note, said before posting. */
const NOTE_RULE = 'Wajib untuk "Minta perbaikan" dan "Tolak": 10 sampai 2000 karakter, teks biasa tanpa HTML. Boleh kosong bila disetujui.';

/** reviewModule: approve, request changes or reject, with the note and the version the curator read. */
export function DecisionForm({ ctx, moduleId, version, values = {}, errors }: { ctx: PageContext; moduleId: string; version: number; values?: DecisionValues; errors?: FormErrors }) {
  const decisionError = errors?.decision;
  return (
    <form method="post" action={`/kurator/modul/${moduleId}/keputusan`} novalidate>
      <CsrfField ctx={ctx} />
      <input type="hidden" name="expectedVersion" value={String(version)} />
      <fieldset class={decisionError ? 'invalid' : undefined} aria-describedby={decisionError ? 'decision-galat' : undefined}>
        <legend>{DECISION_FIELD_LABELS.decision}</legend>
        {Object.values(ReviewDecision).map((decision, index) => (
          <label key={decision} class="check">
            <input type="radio" id={index === 0 ? 'decision' : `decision-${decision}`} name="decision" value={decision} checked={values.decision === decision} required />
            {` ${DECISION_LABELS[decision]}`}
          </label>
        ))}
        {decisionError && (
          <p class="error" id="decision-galat">
            {decisionError}
          </p>
        )}
      </fieldset>
      <Field name="note" label={DECISION_FIELD_LABELS.note} hint={NOTE_RULE} errors={errors}>
        {(describedBy, invalid) => (
          <textarea id="note" name="note" maxLength={2000} aria-describedby={describedBy} aria-invalid={invalid ? 'true' : undefined}>
            {values.note ?? ''}
          </textarea>
        )}
      </Field>
      <button type="submit">Kirim keputusan</button>
    </form>
  );
}

/** unpublishModule: a PUBLISHED module taken down, with the note its contributor is sent. */
export function UnpublishForm({ ctx, moduleId, note, errors }: { ctx: PageContext; moduleId: string; note?: string; errors?: FormErrors }) {
  return (
    <form method="post" action={`/kurator/modul/${moduleId}/turunkan`} novalidate>
      <CsrfField ctx={ctx} />
      <Field name="unpublishNote" label={DECISION_FIELD_LABELS.unpublishNote} hint="Wajib, paling banyak 2000 karakter, teks biasa tanpa HTML. Dikirim ke kontributor." errors={errors}>
        {(describedBy, invalid) => (
          <textarea id="unpublishNote" name="note" required maxLength={2000} aria-describedby={describedBy} aria-invalid={invalid ? 'true' : undefined}>
            {note ?? ''}
          </textarea>
        )}
      </Field>
      <button type="submit" class="secondary">
        Turunkan modul
      </button>
    </form>
  );
}
