import { badInput } from '../common/domain-error';
import { StoredQuestion } from './stored-question';

export interface Grade {
  /** Per question, in the lesson's order. */
  correct: boolean[];
  /** 0..100, rounded down, so a score shown at or above the pass mark has passed. */
  scorePercent: number;
  passed: boolean;
}

interface Answer {
  questionId: string;
  selectedOptions: number[];
}

/**
 * Grades one answer per question: a question is correct when the options
 * selected are exactly its correct ones. Answers that do not fit the quiz are
 * BAD_USER_INPUT on their field; no message says which options are correct.
 */
export function gradeAnswers(questions: readonly StoredQuestion[], passPercent: number, answers: readonly Answer[]): Grade {
  const index = new Map(questions.map((question, position) => [question.id, position]));
  const selected = new Map<string, number[]>();
  answers.forEach((answer, i) => {
    const position = index.get(answer.questionId);
    if (position === undefined) throw badInput(`answers.${i}.questionId`, 'is not a question of this lesson');
    if (selected.has(answer.questionId)) throw badInput(`answers.${i}.questionId`, 'is answered twice');
    const options = answer.selectedOptions;
    if (options.length === 0) throw badInput(`answers.${i}.selectedOptions`, 'must choose at least one option');
    if (options.some((option) => option < 0 || option >= questions[position].options.length)) {
      throw badInput(`answers.${i}.selectedOptions`, "must be indexes of the question's options (from 0)");
    }
    if (new Set(options).size !== options.length) throw badInput(`answers.${i}.selectedOptions`, 'must not repeat an option');
    selected.set(answer.questionId, options);
  });
  const missing = questions.findIndex((question) => !selected.has(question.id));
  if (missing >= 0) throw badInput('answers', `must answer every question (question ${missing + 1} is not answered)`);

  const correct = questions.map((question) => sameSet(selected.get(question.id)!, question.correctOptions));
  const right = correct.filter(Boolean).length;
  return { correct, scorePercent: Math.floor((right * 100) / questions.length), passed: right * 100 >= passPercent * questions.length };
}

const sameSet = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((option) => b.includes(option));
