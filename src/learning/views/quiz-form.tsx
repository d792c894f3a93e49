import { CsrfField } from '../../web/components';
import { FormErrors } from '../../web/form';
import { PageContext } from '../../web/page-context';
import { QuizAttemptEntity } from '../../quizzes/quiz-attempt.entity';
import { LessonView } from '../lesson-page-data';

/** The form field of a question's answer. */
export const answerField = (questionId: string) => `jawaban-${questionId}`;

interface QuizFormProps {
  ctx: PageContext;
  action: string;
  lesson: LessonView;
  /** Options chosen in a refused submission, by question id. */
  chosen?: Record<string, string[]>;
  /** Keyed by question id, or '_form'. */
  errors?: FormErrors;
}

/** One fieldset per question: radios, or checkboxes when several options are correct. */
export function QuizForm({ ctx, action, lesson, chosen = {}, errors = {} }: QuizFormProps) {
  const questions = lesson.questions ?? [];
  return (
    <form method="post" action={action} novalidate>
      <CsrfField ctx={ctx} />
      {questions.map((question, index) => {
        const name = answerField(question.id);
        const error = errors[question.id];
        const errorId = `soal-${index + 1}-galat`;
        const selected = new Set(chosen[question.id] ?? []);
        return (
          <fieldset id={`soal-${index + 1}`} key={question.id} aria-describedby={error ? errorId : undefined} class={error ? 'invalid' : undefined}>
            <legend>{`${index + 1}. ${question.prompt}${question.multipleAnswers ? ' (pilih semua jawaban yang benar)' : ''}`}</legend>
            {question.options.map((option, optionIndex) => (
              <label class="check" key={optionIndex}>
                <input type={question.multipleAnswers ? 'checkbox' : 'radio'} name={name} value={String(optionIndex)} checked={selected.has(String(optionIndex))} /> {option}
              </label>
            ))}
            {error && (
              <p class="error" id={errorId}>
                {error}
              </p>
            )}
          </fieldset>
        );
      })}
      <button type="submit">Kirim jawaban</button>
    </form>
  );
}

/** The newest attempt: score, pass or not, and which questions were right (never which options were). */
export function QuizResult({ attempt, passPercent }: { attempt: QuizAttemptEntity; passPercent: number | null }) {
  return (
    <section class={`notice ${attempt.passed ? 'ok' : 'warn'}`} aria-labelledby="hasil-kuis">
      <h3 id="hasil-kuis">Hasil kuis terakhir</h3>
      <p>
        {`Nilai Anda ${attempt.scorePercent}. `}
        {attempt.passed ? 'Lulus.' : `Belum lulus${passPercent ? ` (perlu nilai ${passPercent})` : ''}. Silakan coba lagi.`}
      </p>
      <ul>
        {attempt.correct.map((right, index) => (
          <li key={index}>{`Pertanyaan ${index + 1}: ${right ? 'benar' : 'salah'}`}</li>
        ))}
      </ul>
    </section>
  );
}
