import { DomainError } from '../common/domain-error';
import { gradeAnswers } from './grading';
import { StoredQuestion } from './stored-question';

const questions: StoredQuestion[] = [
  { id: 'q1', prompt: 'Satu?', options: ['a', 'b', 'c'], correctOptions: [1] },
  { id: 'q2', prompt: 'Dua?', options: ['a', 'b', 'c'], correctOptions: [0, 2] },
  { id: 'q3', prompt: 'Tiga?', options: ['a', 'b'], correctOptions: [0] },
];

const field = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as DomainError).fields?.[0].field;
  }
  throw new Error('expected a refusal');
};

describe('gradeAnswers', () => {
  it('counts a question correct only when exactly its correct options are selected, in any order', () => {
    const grade = gradeAnswers(questions, 70, [
      { questionId: 'q2', selectedOptions: [2, 0] },
      { questionId: 'q1', selectedOptions: [1] },
      { questionId: 'q3', selectedOptions: [1] },
    ]);
    expect(grade).toEqual({ correct: [true, true, false], scorePercent: 66, passed: false });
    const partial = gradeAnswers(questions, 60, [
      { questionId: 'q1', selectedOptions: [1] },
      { questionId: 'q2', selectedOptions: [0] },
      { questionId: 'q3', selectedOptions: [0] },
    ]);
    expect(partial).toEqual({ correct: [true, false, true], scorePercent: 66, passed: true });
  });

  it('passes at exactly the pass mark, not below it (no rounding up)', () => {
    const two = questions.slice(0, 2);
    const half = [{ questionId: 'q1', selectedOptions: [1] }, { questionId: 'q2', selectedOptions: [1] }];
    expect(gradeAnswers(two, 50, half).passed).toBe(true);
    expect(gradeAnswers(two, 51, half).passed).toBe(false);
    expect(gradeAnswers(questions, 67, [{ questionId: 'q1', selectedOptions: [1] }, { questionId: 'q2', selectedOptions: [0, 2] }, { questionId: 'q3', selectedOptions: [1] }]).passed).toBe(false);
  });

  it('refuses foreign, repeated and missing answers and bad options, on their field', () => {
    const ok = [{ questionId: 'q1', selectedOptions: [1] }, { questionId: 'q2', selectedOptions: [0] }, { questionId: 'q3', selectedOptions: [0] }];
    expect(field(() => gradeAnswers(questions, 70, [...ok, { questionId: 'other', selectedOptions: [0] }]))).toBe('answers.3.questionId');
    expect(field(() => gradeAnswers(questions, 70, [...ok, { questionId: 'q2', selectedOptions: [0] }]))).toBe('answers.3.questionId');
    expect(field(() => gradeAnswers(questions, 70, ok.slice(0, 2)))).toBe('answers');
    expect(field(() => gradeAnswers(questions, 70, [ok[0], { questionId: 'q2', selectedOptions: [3] }, ok[2]]))).toBe('answers.1.selectedOptions');
    expect(field(() => gradeAnswers(questions, 70, [ok[0], { questionId: 'q2', selectedOptions: [-1] }, ok[2]]))).toBe('answers.1.selectedOptions');
    expect(field(() => gradeAnswers(questions, 70, [ok[0], ok[1], { questionId: 'q3', selectedOptions: [0, 0] }]))).toBe('answers.2.selectedOptions');
    expect(field(() => gradeAnswers(questions, 70, [ok[0], ok[1], { questionId: 'q3', selectedOptions: [] }]))).toBe('answers.2.selectedOptions');
  });
});
