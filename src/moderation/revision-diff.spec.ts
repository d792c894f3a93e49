import { DeliveryMode, LessonKind, Level } from '../catalog/module-status';
import { ComparableContent, ComparableLesson, diffRevision } from './revision-diff';

const lesson = (override: Partial<ComparableLesson>): ComparableLesson => ({
  id: 'l1',
  position: 1,
  title: 'Mengenal pasar',
  kind: LessonKind.ARTICLE,
  durationMinutes: 15,
  contentUrl: null,
  body: 'Pasar adalah tempat bertemu penjual dan pembeli.',
  questions: null,
  passPercent: null,
  ...override,
});

const published: ComparableContent = {
  title: 'Pemasaran digital untuk UMKM',
  summary: 'Belajar menjual lewat media sosial.',
  description: '## Isi\n\nKonsep dasar pemasaran.',
  categoryName: 'Penjualan dan Pemasaran',
  skills: ['media sosial'],
  level: Level.BEGINNER,
  language: 'id',
  deliveryMode: DeliveryMode.SELF_PACED,
  priceIdr: 0,
  certificate: false,
  lessons: [lesson({}), lesson({ id: 'l2', position: 2, title: 'Kuis akhir', kind: LessonKind.QUIZ, body: null, questions: [{ id: 'q', prompt: 'Apa itu pasar?', options: ['Tempat', 'Makanan'], correctOptions: [0] }], passPercent: 70 })],
};

describe('diffRevision', () => {
  it('finds nothing when the revision is the published content', () => {
    expect(diffRevision(published, published)).toEqual({ fields: [], lessons: [] });
  });

  it('shows a changed field word by word, with its label, and only the fields that changed', () => {
    const diff = diffRevision(published, { ...published, title: 'Pemasaran daring untuk UMKM', priceIdr: 1, level: Level.ADVANCED });
    expect(diff.fields.map((field) => field.label)).toEqual(['Judul', 'Tingkat', 'Harga']);
    expect(diff.fields[0].parts).toEqual([
      { change: 'same', text: 'Pemasaran ' },
      { change: 'removed', text: 'digital' },
      { change: 'added', text: 'daring' },
      { change: 'same', text: ' untuk UMKM' },
    ]);
    expect(diff.fields[1].parts.filter((part) => part.change !== 'same').map((part) => part.text)).toEqual(['Pemula', 'Mahir']);
    expect(diff.fields[2].parts.filter((part) => part.change !== 'same').map((part) => part.text)).toEqual(['Gratis', 'Rp1']);
    expect(diff.lessons).toEqual([]);
  });

  it('matches lessons by id: added (with its content), removed, and changed (a correct option moved is a change)', () => {
    const revised: ComparableContent = {
      ...published,
      lessons: [
        lesson({ id: 'l2', position: 1, title: 'Kuis akhir', kind: LessonKind.QUIZ, body: null, questions: [{ id: 'q', prompt: 'Apa itu pasar?', options: ['Tempat', 'Makanan'], correctOptions: [1] }], passPercent: 70 }),
        lesson({ id: 'l3', position: 2, title: 'Praktik jualan', body: 'Unggah tiga produk.' }),
      ],
    };
    const diff = diffRevision(published, revised);
    expect(diff.lessons.map(({ id, change, title }) => ({ id, change, title }))).toEqual([
      { id: 'l2', change: 'changed', title: 'Kuis akhir' },
      { id: 'l3', change: 'added', title: 'Praktik jualan' },
      { id: 'l1', change: 'removed', title: 'Mengenal pasar' },
    ]);
    const quiz = diff.lessons[0].fields;
    expect(quiz.map((field) => field.label)).toEqual(['Urutan', 'Pertanyaan kuis']);
    const quizParts = quiz[1].parts;
    const side = (skip: string) => quizParts.filter((part) => part.change !== skip).map((part) => part.text).join('');
    expect(side('added')).toContain('- Tempat (jawaban benar)\n- Makanan');
    expect(side('removed')).toContain('- Tempat\n- Makanan (jawaban benar)');
    expect(diff.lessons[1].fields).toContainEqual({ label: 'Isi', parts: [{ change: 'added', text: 'Unggah tiga produk.' }] });
    expect(diff.lessons[2].fields).toEqual([]);
  });
});
