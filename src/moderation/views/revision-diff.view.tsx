import { Fragment } from 'preact';
import { DiffPart, FieldChange, LessonChange, RevisionDiff } from '../revision-diff';

/** Changed text with <ins>/<del>; screen readers hear "ditambah"/"dihapus" too, and sighted readers see underline and strike-through, not colour alone. */
function DiffText({ parts }: { parts: DiffPart[] }) {
  return (
    <p class="diff">
      {parts.map((part, index) =>
        part.change === 'same' ? (
          part.text
        ) : part.change === 'added' ? (
          <ins key={index}>
            <span class="sr-only">[ditambah: </span>
            {part.text}
            <span class="sr-only">]</span>
          </ins>
        ) : (
          <del key={index}>
            <span class="sr-only">[dihapus: </span>
            {part.text}
            <span class="sr-only">]</span>
          </del>
        ),
      )}
    </p>
  );
}

function FieldChanges({ fields }: { fields: FieldChange[] }) {
  return (
    <dl class="diff-fields">
      {fields.map((field) => (
        <Fragment key={field.label}>
          <dt>{field.label}</dt>
          <dd>
            <DiffText parts={field.parts} />
          </dd>
        </Fragment>
      ))}
    </dl>
  );
}

const LESSON_CHANGE_LABELS: Record<LessonChange['change'], string> = { added: 'Pelajaran baru', removed: 'Pelajaran dihapus', changed: 'Pelajaran diubah' };

/** The revision against the published version: the fields that differ, then lessons added, removed or changed. */
export function RevisionDiffView({ diff }: { diff: RevisionDiff }) {
  return (
    <>
      <p class="muted">Teks yang ditambahkan bergaris bawah, teks yang dihapus dicoret.</p>
      <h3>Isian modul</h3>
      {diff.fields.length === 0 ? <p>Tidak ada isian modul yang berubah.</p> : <FieldChanges fields={diff.fields} />}
      <h3>Pelajaran</h3>
      {diff.lessons.length === 0 ? (
        <p>Tidak ada pelajaran yang berubah.</p>
      ) : (
        <ul class="diff-lessons">
          {diff.lessons.map((lesson) => (
            <li key={lesson.id} class={`diff-lesson ${lesson.change}`}>
              <p>
                <strong>{`${LESSON_CHANGE_LABELS[lesson.change]}: `}</strong>
                {lesson.title}
              </p>
              {lesson.fields.length > 0 && <FieldChanges fields={lesson.fields} />}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
