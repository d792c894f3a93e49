import { randomUUID } from 'node:crypto';
import { LessonKind } from '../catalog/module-status';
import { QuizQuestionInput } from './dto/quiz-question.input';
import { DEFAULT_PASS_PERCENT, StoredQuestion } from './stored-question';

/** The quiz columns of a lesson row from a validated input: new question ids, correct options ascending. */
export function storedQuestions(lesson: { kind: LessonKind; questions?: QuizQuestionInput[] | null; passPercent?: number | null }): {
  questions: StoredQuestion[] | null;
  passPercent: number | null;
} {
  if (lesson.kind !== LessonKind.QUIZ || !lesson.questions?.length) return { questions: null, passPercent: null };
  return {
    questions: lesson.questions.map((question) => ({
      id: randomUUID(),
      prompt: question.prompt,
      options: question.options,
      correctOptions: [...question.correctOptions].sort((a, b) => a - b),
    })),
    passPercent: lesson.passPercent ?? DEFAULT_PASS_PERCENT,
  };
}
