import { ModuleCard, ModuleCardData } from '../../catalog/views/module-card';
import { TextField } from '../../web/components';
import { FormErrors } from '../../web/form';
import { Layout } from '../../web/layout';
import { PageContext } from '../../web/page-context';

interface FreeOptionsViewProps {
  ctx: PageContext;
  /** The like text as typed (shown back in the field). */
  mirip: string;
  /** Absent when the like text was refused. */
  options?: { creditExhausted: boolean; cards: ModuleCardData[] };
  errors?: FormErrors;
}

export function FreeOptionsView({ ctx, mirip, options, errors }: FreeOptionsViewProps) {
  return (
    <Layout ctx={ctx} title="Gratis untuk Saya">
      <h1>Gratis untuk Saya</h1>
      <p>Modul yang tidak memotong saldo pelatihan Anda, dipilih sesuai minat, pelatihan yang pernah Anda beli, dan modul yang Anda ikuti.</p>
      <form method="get" action="/gratis" role="search" data-live="#pilihan" novalidate>
        <TextField
          name="mirip"
          label="Mirip dengan…"
          type="search"
          value={mirip}
          errors={errors}
          hint="Misalnya judul pelatihan berbayar yang ingin Anda ikuti."
          autocomplete="off"
          maxLength={200}
        />
        <button type="submit">Cari yang mirip</button>
      </form>
      <section id="pilihan" aria-labelledby={options ? 'pilihan-judul' : undefined}>
        {options && <FreeOptionsList mirip={mirip} {...options} />}
      </section>
    </Layout>
  );
}

function FreeOptionsList({ mirip, creditExhausted, cards }: { mirip: string; creditExhausted: boolean; cards: ModuleCardData[] }) {
  return (
    <>
      <h2 id="pilihan-judul">{mirip ? `Modul gratis yang mirip dengan “${mirip}”` : 'Modul gratis untuk Anda'}</h2>
      <p class="muted">
        {creditExhausted
          ? 'Saldo pelatihan Anda sudah habis, jadi modul seharga Rp1 juga muncul di sini: biayanya dibebaskan untuk Anda.'
          : 'Modul seharga Rp1 akan muncul di sini setelah saldo pelatihan Anda habis, karena biayanya lalu dibebaskan.'}
      </p>
      {cards.length > 0 ? (
        <ul class="cards">
          {cards.map((card) => (
            <ModuleCard key={card.slug} module={card} />
          ))}
        </ul>
      ) : (
        <p>
          Belum ada modul gratis yang cocok. Coba kata lain, atau <a href="/">jelajahi semua modul</a>.
        </p>
      )}
    </>
  );
}
