import { CsrfField, ErrorSummary, TextField } from '../../web/components';
import { FormErrors } from '../../web/form';
import { Layout } from '../../web/layout';
import { PageContext } from '../../web/page-context';

interface LoginViewProps {
  ctx: PageContext;
  /** Where to go after signing in (a local path). */
  next: string;
  values: { email?: string };
  errors?: FormErrors;
}

const LABELS = { email: 'Email', password: 'Kata sandi' };

export function LoginView({ ctx, next, values, errors }: LoginViewProps) {
  return (
    <Layout ctx={ctx} title="Masuk">
      <h1>Masuk</h1>
      {errors?._form && (
        <p class="notice bad" role="alert">
          {errors._form}
        </p>
      )}
      <ErrorSummary errors={omitForm(errors)} labels={LABELS} />
      <form method="post" action="/masuk" novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="lanjut" value={next} />
        <TextField name="email" label={LABELS.email} type="email" autocomplete="email" value={values.email} errors={errors} required />
        <TextField name="password" label={LABELS.password} type="password" autocomplete="current-password" errors={errors} required />
        <button type="submit">Masuk</button>
      </form>
      <p>
        Belum punya akun? <a href="/daftar">Daftar sebagai penerima Kartu Prakerja</a>.
      </p>
      <p>
        Ingin menyumbang modul? <a href="/daftar/kontributor">Daftar sebagai kontributor</a>.
      </p>
    </Layout>
  );
}

function omitForm(errors: FormErrors | undefined): FormErrors | undefined {
  if (!errors) return undefined;
  const { _form: _, ...fields } = errors;
  return fields;
}
