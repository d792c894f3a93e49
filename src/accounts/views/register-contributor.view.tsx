import { CsrfField, ErrorSummary, Field, TextField } from '../../web/components';
import { FormErrors } from '../../web/form';
import { Layout } from '../../web/layout';
import { PageContext } from '../../web/page-context';
import { ContributorKind } from '../user.entity';

interface RegisterContributorViewProps {
  ctx: PageContext;
  values: { displayName?: string; email?: string; kind?: string; organizationName?: string; bio?: string };
  errors?: FormErrors;
}

const LABELS = {
  displayName: 'Nama',
  email: 'Email',
  password: 'Kata sandi',
  kind: 'Mendaftar sebagai',
  organizationName: 'Nama lembaga',
  bio: 'Tentang Anda',
};

const KINDS: { kind: ContributorKind; label: string; explanation: string }[] = [
  { kind: ContributorKind.INDIVIDUAL, label: 'Relawan perorangan', explanation: 'Anda menyumbang modul atas nama sendiri; nama Anda tampil di modul.' },
  {
    kind: ContributorKind.ORGANIZATION,
    label: 'Lembaga',
    explanation: 'Anda menyumbang atas nama lembaga pelatihan, sekolah, komunitas atau perusahaan; nama lembaga tampil di modul.',
  },
];

/** /daftar/kontributor: registerContributor's fields, with its validation's messages beside them. */
export function RegisterContributorView({ ctx, values, errors }: RegisterContributorViewProps) {
  // A fresh form starts as a volunteer; a refused one shows exactly what was chosen.
  const chosenKind = errors ? values.kind : (values.kind ?? ContributorKind.INDIVIDUAL);
  return (
    <Layout ctx={ctx} title="Daftar sebagai kontributor">
      <h1>Daftar sebagai kontributor</h1>
      <p>
        Sumbangkan modul pelatihan gratis untuk penerima Kartu Prakerja. Setiap modul ditinjau kurator sebelum terbit; Anda bisa melihat berapa
        peserta yang mendaftar, menyelesaikan dan menilai modul Anda.
      </p>
      <ErrorSummary errors={inFormOrder(errors)} labels={LABELS} />
      <form method="post" action="/daftar/kontributor" novalidate>
        <CsrfField ctx={ctx} />
        <TextField name="displayName" label={LABELS.displayName} autocomplete="name" value={values.displayName} errors={errors} required maxLength={80} />
        <TextField name="email" label={LABELS.email} type="email" autocomplete="email" value={values.email} errors={errors} required />
        <TextField name="password" label={LABELS.password} type="password" autocomplete="new-password" hint="Paling sedikit 10 karakter." errors={errors} required />
        <fieldset id="kind" class={errors?.kind ? 'invalid' : undefined} aria-describedby={errors?.kind ? 'kind-galat' : undefined}>
          <legend>{LABELS.kind}</legend>
          {KINDS.map(({ kind, label, explanation }) => (
            <div key={kind}>
              <label class="check">
                <input type="radio" name="kind" value={kind} checked={chosenKind === kind} aria-describedby={`jenis-${kind}`} /> {label}
              </label>
              <p class="hint" id={`jenis-${kind}`}>
                {explanation}
              </p>
            </div>
          ))}
          {errors?.kind && (
            <p class="error" id="kind-galat">
              {errors.kind}
            </p>
          )}
        </fieldset>
        <TextField
          name="organizationName"
          label={LABELS.organizationName}
          autocomplete="organization"
          hint="Wajib bila Anda mendaftar sebagai lembaga; kosongkan bila perorangan."
          value={values.organizationName}
          errors={errors}
          maxLength={120}
        />
        <Field name="bio" label={`${LABELS.bio} (boleh dikosongkan)`} hint="Pengalaman atau keahlian Anda, paling banyak 2.000 karakter." errors={errors}>
          {(describedBy, invalid) => (
            <textarea id="bio" name="bio" maxLength={2000} aria-describedby={describedBy} aria-invalid={invalid ? 'true' : undefined}>
              {values.bio}
            </textarea>
          )}
        </Field>
        <button type="submit">Daftar sebagai kontributor</button>
      </form>
      <p>
        Sudah punya akun? <a href="/masuk">Masuk</a>. Penerima Kartu Prakerja: <a href="/daftar">daftar di sini</a>.
      </p>
    </Layout>
  );
}

/** The summary lists the refusals in the order of the fields on the form. */
function inFormOrder(errors: FormErrors | undefined): FormErrors | undefined {
  if (!errors) return undefined;
  const rank = (field: string) => {
    const index = Object.keys(LABELS).indexOf(field);
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)));
}
