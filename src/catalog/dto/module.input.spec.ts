import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { toFieldErrors } from '../../graphql/validation';
import { ModuleInput } from './module.input';

const valid = {
  title: 'Dasar Pemasaran Digital',
  summary: 'Belajar memasarkan produk UMKM di media sosial.',
  description: 'Modul ini membahas strategi pemasaran digital untuk usaha kecil dari dasar sampai praktik.',
  categorySlug: 'penjualan-pemasaran',
  skills: ['Pemasaran Digital'],
  level: 'BEGINNER',
  language: 'id',
  deliveryMode: 'SELF_PACED',
  priceIdr: 0,
  certificate: false,
  lessons: [{ title: 'Pengantar', kind: 'VIDEO', durationMinutes: 10, contentUrl: 'https://contoh.id/v.mp4' }],
};

const fieldsOf = (input: Record<string, unknown>) => toFieldErrors(validateSync(plainToInstance(ModuleInput, input))).map((f) => f.field);

describe('ModuleInput rules', () => {
  it('accepts a valid module', () => {
    expect(fieldsOf(valid)).toEqual([]);
  });

  it.each([0, 1])('accepts price %d', (priceIdr) => {
    expect(fieldsOf({ ...valid, priceIdr })).toEqual([]);
  });

  it.each([2, -1, 0.5, 1000, Number.NaN])('refuses price %d on priceIdr only', (priceIdr) => {
    expect(fieldsOf({ ...valid, priceIdr })).toEqual(['priceIdr']);
  });

  it('takes an explicit null for the quiz fields of a lesson that is not a QUIZ, as GraphQL clients send it', () => {
    expect(fieldsOf({ ...valid, lessons: [{ title: 'Bacaan', kind: 'ARTICLE', durationMinutes: 10, body: 'Isi', questions: null, passPercent: null }] })).toEqual([]);
  });

  it('bounds the lesson bodies of one module together, on lessons', () => {
    const article = (chars: number) => ({ title: 'Bacaan', kind: 'ARTICLE', durationMinutes: 10, body: 'a'.repeat(chars) });
    expect(fieldsOf({ ...valid, lessons: [article(50_000), article(50_000), article(50_000), article(50_000)] })).toEqual([]);
    expect(fieldsOf({ ...valid, lessons: [article(50_000), article(50_000), article(50_000), article(50_000), article(1)] })).toEqual(['lessons']);
  });

  it('needs contentUrl for VIDEO, LIVE_SESSION and DOWNLOAD lessons only', () => {
    for (const kind of ['VIDEO', 'LIVE_SESSION', 'DOWNLOAD']) {
      expect(fieldsOf({ ...valid, lessons: [{ title: 'Pengantar', kind, durationMinutes: 10 }] })).toEqual(['lessons.0.contentUrl']);
    }
    // A missing URL is told it is required, not that it is too long (the first failed rule is the one reported).
    const [missing] = toFieldErrors(validateSync(plainToInstance(ModuleInput, { ...valid, lessons: [{ title: 'Pengantar', kind: 'VIDEO', durationMinutes: 10, contentUrl: null }] })));
    expect(missing.message).toBe('contentUrl must be an http or https URL (required for VIDEO, LIVE_SESSION and DOWNLOAD)');
    const questions = [{ prompt: 'Apa itu UMKM?', options: ['Usaha kecil', 'Bank'], correctOptions: [0] }];
    expect(fieldsOf({ ...valid, lessons: [{ title: 'Pengantar', kind: 'ARTICLE', durationMinutes: 10, body: 'Isi' }] })).toEqual([]);
    expect(fieldsOf({ ...valid, lessons: [{ title: 'Pengantar', kind: 'QUIZ', durationMinutes: 10, body: 'Isi', questions }] })).toEqual([]);
  });

  it('needs 1..50 questions on a QUIZ lesson and refuses them, and a pass mark, on any other kind', () => {
    const questions = [{ prompt: 'Apa itu UMKM?', options: ['Usaha kecil', 'Bank'], correctOptions: [0] }];
    expect(fieldsOf({ ...valid, lessons: [{ title: 'Kuis', kind: 'QUIZ', durationMinutes: 10, body: 'Isi' }] })).toEqual(['lessons.0.questions']);
    expect(fieldsOf({ ...valid, lessons: [{ title: 'Kuis', kind: 'QUIZ', durationMinutes: 10, questions: Array(51).fill(questions[0]) }] })).toEqual(['lessons.0.questions']);
    expect(fieldsOf({ ...valid, lessons: [{ title: 'Bacaan', kind: 'ARTICLE', durationMinutes: 10, body: 'Isi', questions }] })).toEqual(['lessons.0.questions']);
    expect(fieldsOf({ ...valid, lessons: [{ title: 'Bacaan', kind: 'ARTICLE', durationMinutes: 10, body: 'Isi', passPercent: 50 }] })).toEqual(['lessons.0.passPercent']);
    const question = (override: Record<string, unknown>) => ({ title: 'Kuis', kind: 'QUIZ', durationMinutes: 10, questions: [{ ...questions[0], ...override }] });
    expect(fieldsOf({ ...valid, lessons: [question({ correctOptions: [2] })] })).toEqual(['lessons.0.questions.0.correctOptions']);
    expect(fieldsOf({ ...valid, lessons: [question({ correctOptions: [0, 0] })] })).toEqual(['lessons.0.questions.0.correctOptions']);
    expect(fieldsOf({ ...valid, lessons: [question({ options: ['Bank', 'Bank'] })] })).toEqual(['lessons.0.questions.0.options']);
    expect(fieldsOf({ ...valid, lessons: [question({ prompt: 'Apa' })] })).toEqual(['lessons.0.questions.0.prompt']);
  });

  it('enforces the limits of titles, skills and lessons', () => {
    expect(fieldsOf({ ...valid, title: '  Pendek  ' })).toEqual(['title']);
    expect(fieldsOf({ ...valid, skills: Array.from({ length: 16 }, (_, i) => `skill ${i}`) })).toEqual(['skills']);
    expect(fieldsOf({ ...valid, skills: ['x'] })).toEqual(['skills']);
    expect(fieldsOf({ ...valid, lessons: Array.from({ length: 101 }, () => valid.lessons[0]) })).toEqual(['lessons']);
    expect(fieldsOf({ ...valid, language: 'Bahasa' })).toEqual(['language']);
  });
});
