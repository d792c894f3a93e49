import { CsrfField, Field } from '../../web/components';
import { FormErrors } from '../../web/form';
import { PageContext } from '../../web/page-context';
import { ReviewEntity } from '../../reviews/review.entity';

export interface RatingValues {
  rating?: string;
  comment?: string;
}

interface RatingFormProps {
  ctx: PageContext;
  enrollmentId: string;
  /** The lesson page to come back to. */
  lessonId: string;
  review: ReviewEntity | null;
  values?: RatingValues;
  errors?: FormErrors;
}

const STARS = [1, 2, 3, 4, 5];

/** Stars 1–5 and an optional comment; a second rating replaces the first (rateModule). */
export function RatingForm({ ctx, enrollmentId, lessonId, review, values, errors = {} }: RatingFormProps) {
  const rating = values?.rating ?? (review ? String(review.rating) : '');
  const comment = values?.comment ?? review?.comment ?? '';
  return (
    <section id="nilai" aria-labelledby="judul-nilai">
      <h2 id="judul-nilai">Nilai modul ini</h2>
      {review && <p>{`Penilaian Anda: ${review.rating} dari 5 bintang. Anda boleh mengubahnya.`}</p>}
      {errors._form && (
        <p class="notice bad" role="alert">
          {errors._form}
        </p>
      )}
      <form method="post" action={`/belajar/${enrollmentId}/nilai`} novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="pelajaran" value={lessonId} />
        <fieldset id="rating" aria-describedby={errors.rating ? 'rating-galat' : undefined} class={errors.rating ? 'invalid' : undefined}>
          <legend>Bintang</legend>
          {STARS.map((stars) => (
            <label class="check" key={stars}>
              <input type="radio" name="rating" value={String(stars)} checked={rating === String(stars)} /> <span aria-hidden="true">{'★'.repeat(stars)}</span> {`${stars} bintang`}
            </label>
          ))}
          {errors.rating && (
            <p class="error" id="rating-galat">
              {errors.rating}
            </p>
          )}
        </fieldset>
        <Field name="comment" label="Komentar (boleh dikosongkan)" errors={errors} hint="Paling banyak 2000 karakter.">
          {(describedBy, invalid) => (
            <textarea id="comment" name="comment" maxLength={2000} aria-describedby={describedBy} aria-invalid={invalid ? 'true' : undefined}>
              {comment}
            </textarea>
          )}
        </Field>
        <button type="submit">Simpan penilaian</button>
      </form>
    </section>
  );
}
