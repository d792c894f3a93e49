import fc from 'fast-check';
import { moduleInput } from '../factories/modules';
import { FuzzValue } from './fuzz-value';
import { Pool } from './fuzz-world';

const SAMPLE_MODULE = moduleInput({ title: 'Strategi Konten Media Sosial untuk Warung Makan' });

/** Plausible text per field name, so valid cases get past validation and into the services. */
const TEXT_BY_NAME: [RegExp, string[]][] = [
  [/^title$/, [SAMPLE_MODULE.title, 'Menjahit Tas Kain untuk Dijual Online', 'Mengenal lembar kerja']],
  [/summary/, [SAMPLE_MODULE.summary]],
  [/description|^body$/, [SAMPLE_MODULE.description, 'Materi dengan **Markdown**, [tautan](https://contoh.id) dan `kode`.\n\n- satu\n- dua']],
  [/skill|interest/, ['pemasaran digital', 'excel', 'budidaya lele']],
  [/displayname|name$/, ['Ibu Sari Wulandari', 'Yayasan Belajar Bersama']],
  [/bio/, ['Guru SMK yang suka berbagi ilmu.']],
  [/comment|details|note|reason/, ['Catatan yang cukup panjang tentang isi modul ini.', 'Isi modul tidak sesuai dengan judulnya.']],
  [/password/, ['rahasia-kuat-123', 'admin-password-1', 'kata-sandi-baru-456']],
  [/url/, ['https://video.contoh-pelatihan.id/pemasaran-1.mp4', 'http://contoh.id/berkas.pdf']],
  [/language/, ['id', 'en', 'jv']],
  [/query|like|search/, ['pemasaran', 'pemasran digtal', 'excel', '']],
  [/token/, ['bukan-token']],
];

/** Which pool of real values a field of this name takes. */
const POOL_BY_NAME: [RegExp, Pool[]][] = [
  [/after|before|cursor/, ['cursor']],
  [/categoryslug/, ['categorySlug']],
  [/slug/, ['slug']],
  [/import/, ['importJob']],
  [/reindex/, ['reindexJob']],
  [/notification/, ['notification']],
  [/module/, ['module', 'module', 'draftModule']],
  [/lesson/, ['lesson']],
  [/enrollment/, ['enrollment']],
  [/report/, ['report']],
  [/review/, ['review']],
  [/user|account|curator|beneficiary|contributor|owner/, ['user']],
  [/card/, ['card']],
  [/email/, ['email']],
];

const INT_BY_NAME: [RegExp, [number, number]][] = [
  [/first|pagesize|limit|last/, [1, 50]],
  [/page/, [1, 3]],
  [/price/, [0, 1]],
  [/rating/, [1, 5]],
  [/version/, [1, 6]],
  [/amount/, [1, 250_000]],
  [/minutes|duration/, [1, 120]],
];

const lower = (name: string) => name.toLowerCase();
const byName = <T>(table: [RegExp, T][], name: string): T | undefined => table.find(([pattern]) => pattern.test(lower(name)))?.[1];
const ref = (pools: Pool[]): fc.Arbitrary<FuzzValue> => fc.record({ $ref: fc.constantFrom(...pools), index: fc.nat(5) });

/** A valid-looking value of a scalar type for the argument or input field `name` of `owner` (a field or input type). */
export function validScalar(typeName: string, name: string, owner: string): fc.Arbitrary<FuzzValue> {
  if (typeName === 'Boolean') return fc.boolean();
  if (typeName === 'Int') {
    const [min, max] = byName(INT_BY_NAME, name) ?? [0, 10];
    return fc.integer({ min, max });
  }
  if (typeName === 'Float') return fc.double({ min: 0, max: 5, noNaN: true });
  if (typeName === 'DateTime') return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((date) => date.toISOString());
  const lowered = lower(name);
  if (/email/.test(lowered)) return fc.oneof({ arbitrary: fc.constant<FuzzValue>({ $fresh: 'email' }), weight: 3 }, { arbitrary: ref(['email']), weight: 1 });
  if (/card/.test(lowered)) return fc.oneof(fc.constant<FuzzValue>({ $fresh: 'card' }), ref(['card']));
  if (/^reference$/.test(lowered)) return fc.constant<FuzzValue>({ $fresh: 'reference' });
  // An id's kind is in its name (moduleId) or its owner's (importJob(id), UpdateModuleInput.id).
  const pools = byName(POOL_BY_NAME, name) ?? (typeName === 'ID' ? byName(POOL_BY_NAME, owner) : undefined);
  if (pools) return ref(pools);
  if (typeName === 'ID') return ref(['module', 'lesson', 'enrollment', 'report', 'user']);
  return fc.constantFrom<FuzzValue>(...(byName(TEXT_BY_NAME, name) ?? ['Belajar dasar pemasaran digital untuk UMKM', 'Bagus sekali']));
}
