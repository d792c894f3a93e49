import { EnrollmentStatus } from './enrollment.entity';
import { completesModule, nextUnfinishedLesson, progressPercent } from './progress';

describe('lesson progress', () => {
  it('is completed lessons over all lessons, rounded down', () => {
    expect(progressPercent(EnrollmentStatus.ACTIVE, 0, 3)).toBe(0);
    expect(progressPercent(EnrollmentStatus.ACTIVE, 1, 3)).toBe(33);
    expect(progressPercent(EnrollmentStatus.ACTIVE, 2, 3)).toBe(66);
    expect(progressPercent(EnrollmentStatus.ACTIVE, 3, 3)).toBe(100);
  });

  it('stays within 0..100', () => {
    expect(progressPercent(EnrollmentStatus.ACTIVE, 5, 3)).toBe(100);
    expect(progressPercent(EnrollmentStatus.ACTIVE, 0, 0)).toBe(0);
    expect(progressPercent(EnrollmentStatus.COMPLETED, 1, 4)).toBe(100);
  });

  it('completes the module with the last lesson only', () => {
    expect(completesModule(2, 3)).toBe(false);
    expect(completesModule(3, 3)).toBe(true);
    expect(completesModule(0, 0)).toBe(false);
  });

  it('continues with the first unfinished lesson after the one just done, wrapping round, and none when all are done', () => {
    const lessons = ['a', 'b', 'c', 'd'];
    expect(nextUnfinishedLesson(lessons, new Set())).toBe('a');
    expect(nextUnfinishedLesson(lessons, new Set(['a', 'c']))).toBe('b');
    expect(nextUnfinishedLesson(lessons, new Set(['b', 'c']), 'b')).toBe('d');
    expect(nextUnfinishedLesson(lessons, new Set(['c', 'd']), 'c')).toBe('a');
    expect(nextUnfinishedLesson(lessons, new Set(lessons), 'b')).toBeNull();
  });
});
