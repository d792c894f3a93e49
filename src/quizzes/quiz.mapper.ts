import { QuizAttemptModel, QuizQuestionModel } from './models/quiz.model';
import { QuizAttemptEntity } from './quiz-attempt.entity';
import { StoredQuestion } from './stored-question';

/** A question as served: which options are correct only when `showAnswers` (owner, curators). */
export function toQuizQuestionModel(question: StoredQuestion, showAnswers: boolean): QuizQuestionModel {
  return {
    id: question.id,
    prompt: question.prompt,
    options: question.options,
    multipleAnswers: question.correctOptions.length > 1,
    correctOptions: showAnswers ? question.correctOptions : null,
  };
}

export const toQuizAttemptModel = (attempt: QuizAttemptEntity): QuizAttemptModel => ({
  id: attempt.id,
  lessonId: attempt.lessonId,
  scorePercent: attempt.scorePercent,
  passed: attempt.passed,
  correct: attempt.correct,
  attemptedAt: attempt.attemptedAt,
});
