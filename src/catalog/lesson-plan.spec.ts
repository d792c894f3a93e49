import { randomUUID } from 'node:crypto';
import { DomainError, ErrorCode } from '../common/domain-error';
import { LessonInput } from './dto/module.input';
import { LessonEntity } from './lesson.entity';
import { planLessons } from './lesson-plan';
import { LessonKind } from './module-status';

const MODULE = randomUUID();
const input = (title: string, extra: Partial<LessonInput> = {}): LessonInput => ({ title, kind: LessonKind.ARTICLE, durationMinutes: 10, body: `Isi ${title}`, ...extra });
const stored = (title: string, position: number): LessonEntity => ({
  id: randomUUID(),
  moduleId: MODULE,
  position,
  title,
  kind: LessonKind.ARTICLE,
  durationMinutes: 10,
  contentUrl: null,
  body: `Isi ${title}`,
  questions: null,
  passPercent: null,
});

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a refusal');
}

describe('planLessons', () => {
  const [one, two, three] = [stored('Satu', 1), stored('Dua', 2), stored('Tiga', 3)];

  it('keeps given ids through edits and reorders, adds new lessons with fresh ids, and leaves out the removed ones', () => {
    const planned = planLessons(MODULE, [input('Tiga diubah', { id: three.id }), input('Satu', { id: one.id }), input('Baru')], [one, two, three]);
    expect(planned.map((lesson) => [lesson.id, lesson.position, lesson.title])).toEqual([
      [three.id, 1, 'Tiga diubah'],
      [one.id, 2, 'Satu'],
      [expect.any(String), 3, 'Baru'],
    ]);
    expect([one.id, two.id, three.id]).not.toContain(planned[2].id);
    expect(planned.every((lesson) => lesson.moduleId === MODULE)).toBe(true);
  });

  it('gives a lesson resent without an id the id of an unclaimed identical one (older clients)', () => {
    const twin = stored('Satu', 4);
    const planned = planLessons(MODULE, [input('Satu'), input('Dua'), input('Satu'), input('Satu')], [one, two, twin]);
    expect(planned.map((lesson) => lesson.id).slice(0, 3)).toEqual([one.id, two.id, twin.id]);
    expect([one.id, two.id, twin.id]).not.toContain(planned[3].id);
  });

  it('does not match a lesson without an id to one that differs, or to one claimed by id', () => {
    const planned = planLessons(MODULE, [input('Satu', { durationMinutes: 11 }), input('Dua'), input('Dua', { id: two.id })], [one, two]);
    expect(planned[0].id).not.toBe(one.id);
    expect(planned[1].id).not.toBe(two.id);
    expect(planned[2].id).toBe(two.id);
  });

  it('refuses an id that is not a lesson of this module, or one given twice, naming the lesson', () => {
    const foreign = refusal(() => planLessons(MODULE, [input('Satu', { id: one.id }), input('Asing', { id: randomUUID() })], [one]));
    expect(foreign.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(foreign.fields).toEqual([{ field: 'lessons.1.id', message: 'is not a lesson of this module' }]);
    const twice = refusal(() => planLessons(MODULE, [input('Satu', { id: one.id }), input('Lagi', { id: one.id })], [one]));
    expect(twice.fields).toEqual([{ field: 'lessons.1.id', message: 'is given for two lessons' }]);
  });

  it("keeps the ids of a kept quiz lesson's unchanged questions; a changed question is a new one", () => {
    const q = (prompt: string, correctOptions = [0]) => ({ prompt, options: ['Ya', 'Tidak'], correctOptions });
    const quiz = (questions: ReturnType<typeof q>[], extra: Partial<LessonInput> = {}) => input('Kuis', { kind: LessonKind.QUIZ, body: null, questions, ...extra });
    const [first] = planLessons(MODULE, [quiz([q('Pertanyaan satu'), q('Pertanyaan dua')])], []);
    expect(first.passPercent).toBe(70);
    const [edited] = planLessons(MODULE, [quiz([q('Pertanyaan baru'), q('Pertanyaan satu'), q('Pertanyaan dua', [1])], { id: first.id, passPercent: 80 })], [first]);
    const [one, two] = first.questions!;
    expect(edited.questions!.map((question) => question.id)).toEqual([expect.any(String), one.id, expect.any(String)]);
    expect([one.id, two.id]).not.toContain(edited.questions![0].id);
    expect(edited.questions![2].id).not.toBe(two.id);
    expect(edited.passPercent).toBe(80);
    // Resent unchanged without an id: the same lesson, the same questions.
    const [resent] = planLessons(MODULE, [quiz([q('Pertanyaan satu'), q('Pertanyaan dua')])], [first]);
    expect(resent.id).toBe(first.id);
    expect(resent.questions).toEqual(first.questions);
  });

  it('refuses any id for a module without lessons yet (createModule)', () => {
    expect(refusal(() => planLessons(MODULE, [input('Satu', { id: one.id })], [])).fields![0].field).toBe('lessons.0.id');
  });
});
