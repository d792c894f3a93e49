import { CsrfField, ErrorSummary, TextField } from '../../web/components';
import { FormErrors } from '../../web/form';
import { Layout } from '../../web/layout';
import { PageContext } from '../../web/page-context';

interface RegisterViewProps {
  ctx: PageContext;
  /** Category names offered as interests. */
  categories: string[];
  values: { displayName?: string; email?: string; prakerjaCardNumber?: string; interests?: string[]; otherInterests?: string };
  errors?: FormErrors;
}

const LABELS = {
  displayName: 'Nama',
  email: 'Email',
  password: 'Kata sandi',
  prakerjaCardNumber: 'Nomor Kartu Prakerja',
  interests: 'Minat',
};

export function RegisterView({ ctx, categories, values, errors }: RegisterViewProps) {
  const chosen = new Set(values.interests ?? []);
  return (
    <Layout ctx={ctx} title="Daftar">
      <h1>Daftar sebagai penerima Kartu Prakerja</h1>
      <p>Modul di sini gratis. Setelah saldo pelatihan Anda habis, kami carikan modul gratis yang cocok.</p>
      <ErrorSummary errors={errors} labels={LABELS} />
      <form method="post" action="/daftar" novalidate>
        <CsrfField ctx={ctx} />
        <TextField name="displayName" label={LABELS.displayName} autocomplete="name" value={values.displayName} errors={errors} required maxLength={80} />
        <TextField name="email" label={LABELS.email} type="email" autocomplete="email" value={values.email} errors={errors} required />
        <TextField name="password" label={LABELS.password} type="password" autocomplete="new-password" hint="Paling sedikit 10 karakter." errors={errors} required />
        <TextField
          name="prakerjaCardNumber"
          label={LABELS.prakerjaCardNumber}
          inputMode="numeric"
          autocomplete="off"
          hint="16 angka, tertera di kartu atau dasbor Prakerja Anda."
          value={values.prakerjaCardNumber}
          errors={errors}
          required
          maxLength={19}
        />
        <fieldset id="interests" aria-describedby={errors?.interests ? 'interests-galat' : undefined}>
          <legend>{LABELS.interests} (boleh lebih dari satu)</legend>
          {categories.map((name, index) => (
            <label class="check" key={name}>
              <input type="checkbox" name="interests" value={name} id={`minat-${index}`} checked={chosen.has(name)} /> {name}
            </label>
          ))}
          <label for="otherInterests">Minat lain (pisahkan dengan koma)</label>
          <input type="text" id="otherInterests" name="otherInterests" value={values.otherInterests} placeholder="misalnya menjahit, bahasa Jepang" />
          {errors?.interests && (
            <p class="error" id="interests-galat">
              {errors.interests}
            </p>
          )}
        </fieldset>
        <button type="submit">Daftar</button>
      </form>
      <p>
        Sudah punya akun? <a href="/masuk">Masuk</a>.
      </p>
      <p>
        Ingin menyumbang modul? <a href="/daftar/kontributor">Daftar sebagai kontributor</a>.
      </p>
    </Layout>
  );
}
