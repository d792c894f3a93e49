import { ValidateBy, ValidationArguments } from 'class-validator';
import { LessonKind } from '../../catalog/module-status';

export const MAX_QUESTIONS = 50;

const isQuiz = (args?: ValidationArguments) => (args?.object as { kind?: unknown }).kind === LessonKind.QUIZ;

/** A QUIZ lesson lists 1..50 questions; any other kind lists none. */
export const QuestionsMatchKind = () =>
  ValidateBy({
    name: 'questionsMatchKind',
    validator: {
      validate: (questions: unknown, args?: ValidationArguments) =>
        isQuiz(args) ? Array.isArray(questions) && questions.length >= 1 && questions.length <= MAX_QUESTIONS : questions == null,
      defaultMessage: (args?: ValidationArguments) =>
        isQuiz(args) ? `questions must list 1 to ${MAX_QUESTIONS} questions for a QUIZ lesson` : 'questions are only for QUIZ lessons',
    },
  });

/** A field only a QUIZ lesson may set. */
export const QuizOnly = () =>
  ValidateBy({
    name: 'quizOnly',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) => value == null || isQuiz(args),
      defaultMessage: (args?: ValidationArguments) => `${args?.property} is only for QUIZ lessons`,
    },
  });
