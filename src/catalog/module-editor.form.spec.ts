import { readForm } from '../web/form';
import { ModuleInput } from './dto/module.input';
import { LessonEntity } from './lesson.entity';
import { ModuleEntity } from './module.entity';
import { applyEditorAction, editorActionOf, editorValuesFromForm, editorValuesOf, moduleInputOf, withQuestionRows } from './module-editor.form';
import { DeliveryMode, LessonKind, Level } from './module-status';

const posted = {
  title: 'Dasar Pemasaran Digital',
  summary: 'Belajar memasarkan produk UMKM di media sosial.',
  description: 'Modul ini membahas strategi pemasaran digital untuk usaha kecil dari dasar sampai praktik.',
  categorySlug: 'penjualan-pemasaran',
  skills: 'Pemasaran digital\nMedia sosial, Fotografi produk\n\n',
  level: 'BEGINNER',
  language: 'id',
  deliveryMode: 'SELF_PACED',
  priceIdr: '1',
  certificate: 'true',
  'lessons.0.id': '',
  'lessons.0.title': 'Pengantar',
  'lessons.0.kind': 'VIDEO',
  'lessons.0.durationMinutes': '10',
  'lessons.0.contentUrl': 'https://contoh.id/v.mp4',
  'lessons.0.body': '',
  'lessons.1.id': '6f1d2c1e-8f7a-4c1e-9a55-2d3c4b5a6f70',
  'lessons.1.title': 'Kuis penutup',
  'lessons.1.kind': 'QUIZ',
  'lessons.1.durationMinutes': '5',
  'lessons.1.contentUrl': '',
  'lessons.1.body': '',
  'lessons.1.passPercent': '',
  'lessons.1.questions.0.prompt': 'Apa itu UMKM?',
  'lessons.1.questions.0.options': 'Usaha kecil\r\nBank\n',
  'lessons.1.questions.0.correct': '1',
  'lessons.1.questions.1.prompt': '',
  'lessons.1.questions.1.options': '',
  'lessons.1.questions.1.correct': '',
};

describe('module editor form ⇄ ModuleInput', () => {
  it('turns a posted form into a valid ModuleInput: skills by line and comma, options by line, 1-based correct numbers, blank questions left out', async () => {
    const input = moduleInputOf(editorValuesFromForm(posted));
    expect(input).toMatchObject({ skills: ['Pemasaran digital', 'Media sosial', 'Fotografi produk'], priceIdr: 1, certificate: true });
    const lessons = input.lessons as Record<string, unknown>[];
    expect(lessons[0]).toEqual({ title: 'Pengantar', kind: 'VIDEO', durationMinutes: 10, contentUrl: 'https://contoh.id/v.mp4', body: null });
    expect(lessons[1]).toEqual({
      id: '6f1d2c1e-8f7a-4c1e-9a55-2d3c4b5a6f70',
      title: 'Kuis penutup',
      kind: 'QUIZ',
      durationMinutes: 5,
      contentUrl: null,
      body: null,
      passPercent: null,
      questions: [{ prompt: 'Apa itu UMKM?', options: ['Usaha kecil', 'Bank'], correctOptions: [0] }],
    });
    expect(await readForm(ModuleInput, input)).toMatchObject({ ok: true });
  });

  it('leaves wrong values for the input class to refuse beside their fields (price 2, short title, words for numbers, a correct number out of range)', async () => {
    const values = editorValuesFromForm({
      ...posted,
      title: 'Pendek',
      priceIdr: '2',
      'lessons.0.durationMinutes': 'sepuluh',
      'lessons.1.questions.0.correct': '3',
    });
    const result = await readForm(ModuleInput, moduleInputOf(values));
    expect(result.ok).toBe(false);
    expect(Object.keys(result.ok ? {} : result.errors).sort()).toEqual(['lessons.0.durationMinutes', 'lessons.1.questions.0.correctOptions', 'priceIdr', 'title']);
  });

  it('sends no questions or pass mark for a lesson that is not a QUIZ', () => {
    const values = editorValuesFromForm({ ...posted, 'lessons.1.kind': 'ARTICLE', 'lessons.1.body': 'Isi' });
    const lesson = (moduleInputOf(values).lessons as Record<string, unknown>[])[1];
    expect(lesson).not.toHaveProperty('questions');
    expect(lesson).not.toHaveProperty('passPercent');
  });

  it('reads a saved module back into the same form values (lessons by position, ids kept)', () => {
    const module = { title: 'Judul modul', summary: 's', description: 'd', skills: ['a', 'b'], level: Level.BEGINNER, language: 'jv', deliveryMode: DeliveryMode.WEBINAR, priceIdr: 0, certificate: false } as ModuleEntity;
    const lesson = (position: number, extra: Partial<LessonEntity>) => ({ id: `id-${position}`, position, title: `L${position}`, kind: LessonKind.ARTICLE, durationMinutes: 5, contentUrl: null, body: 'x', questions: null, passPercent: null, ...extra }) as LessonEntity;
    const values = editorValuesOf(module, 'kategori', [
      lesson(2, { kind: LessonKind.QUIZ, passPercent: 80, questions: [{ id: 'q', prompt: 'Tanya?', options: ['a', 'b', 'c'], correctOptions: [0, 2] }] }),
      lesson(1, {}),
    ]);
    expect(values).toMatchObject({ skills: 'a\nb', language: 'jv', priceIdr: '0', categorySlug: 'kategori' });
    expect(values.lessons.map((l) => l.id)).toEqual(['id-1', 'id-2']);
    expect(values.lessons[1]).toMatchObject({ passPercent: '80', questions: [{ prompt: 'Tanya?', options: 'a\nb\nc', correct: '1, 3' }] });
  });

  it('adds, removes and reorders lessons and questions without saving; a button naming a missing row changes nothing', () => {
    const values = editorValuesFromForm(posted);
    const titles = (v: typeof values) => v.lessons.map((l) => l.title);
    expect(titles(applyEditorAction(values, editorActionOf('turun-0')))).toEqual(['Kuis penutup', 'Pengantar']);
    expect(titles(applyEditorAction(values, editorActionOf('naik-1')))).toEqual(['Kuis penutup', 'Pengantar']);
    expect(titles(applyEditorAction(values, editorActionOf('naik-0')))).toEqual(['Pengantar', 'Kuis penutup']);
    expect(titles(applyEditorAction(values, editorActionOf('hapus-pelajaran-0')))).toEqual(['Kuis penutup']);
    expect(titles(applyEditorAction(values, editorActionOf('hapus-pelajaran-7')))).toEqual(['Pengantar', 'Kuis penutup']);
    expect(applyEditorAction(values, editorActionOf('tambah-pelajaran')).lessons).toHaveLength(3);
    expect(applyEditorAction(values, editorActionOf('hapus-soal-1-0')).lessons[1].questions).toHaveLength(1);
    const quiz = applyEditorAction(values, editorActionOf('tambah-soal-0')).lessons[0];
    expect(quiz.kind).toBe('QUIZ');
    expect(quiz.questions).toHaveLength(1);
    expect(values.lessons.map((l) => l.questions.length)).toEqual([0, 2]);
    expect(editorActionOf('simpan')).toEqual({ kind: 'save' });
    expect(editorActionOf('pratinjau')).toEqual({ kind: 'preview' });
  });

  it('shows one blank question row on a QUIZ lesson without questions', () => {
    const values = editorValuesFromForm({ ...posted, 'lessons.0.kind': 'QUIZ' });
    expect(withQuestionRows(values).lessons[0].questions).toEqual([{ prompt: '', options: '', correct: '' }]);
  });
});
