/** A QUIZ lesson's question as stored on the lesson row (lessons.questions). */
export interface StoredQuestion {
  /** Stable across edits that leave the question unchanged (see keepQuestionIds). */
  id: string;
  prompt: string;
  options: string[];
  /** Zero-based, ascending. Shown to the owner and curators only. */
  correctOptions: number[];
}

export const DEFAULT_PASS_PERCENT = 70;

/** The content that makes two questions the same question (ids aside). */
const questionKey = (question: Omit<StoredQuestion, 'id'>) => JSON.stringify([question.prompt, question.options, question.correctOptions]);

/**
 * Question identity across edits: there is no question id in the input, so
 * a question keeps the id of an unclaimed question of the same lesson with
 * identical prompt, options and correct options; any change makes it a new
 * question. Attempts keep their own per-question results, so a changed
 * question never rewrites a past grade.
 */
export function keepQuestionIds(questions: StoredQuestion[], previous: readonly StoredQuestion[] | null): StoredQuestion[] {
  if (!previous?.length) return questions;
  const unclaimed = new Map<string, string[]>();
  for (const question of previous) unclaimed.set(questionKey(question), [...(unclaimed.get(questionKey(question)) ?? []), question.id]);
  return questions.map((question) => {
    const id = unclaimed.get(questionKey(question))?.shift();
    return id ? { ...question, id } : question;
  });
}

export const sameQuestions = (a: readonly StoredQuestion[] | null, b: readonly StoredQuestion[] | null) =>
  JSON.stringify((a ?? []).map(questionKey)) === JSON.stringify((b ?? []).map(questionKey));
