import { StoredModerationCheck } from '../../catalog/module.entity';

/** A module a near-duplicate finding names, with where this viewer may open it (null: title only). */
export interface RelatedModule {
  id: string;
  title: string;
  href: string | null;
}

/** The automatic checks' codes in the pages' words; the stored English message keeps the details (lesson numbers, words). */
function describe(check: StoredModerationCheck, relatedCount: number): string {
  switch (check.code) {
    case 'NEAR_DUPLICATE':
      return `Judul atau ringkasannya mirip ${relatedCount} modul yang sudah terbit atau sedang ditinjau:`;
    case 'MISSING_CONTENT': {
      const lessons = /Lesson\(s\) (.+?) lack/.exec(check.message)?.[1];
      return `Pelajaran ${lessons ?? ''} belum punya isi: video, sesi langsung, dan unduhan perlu alamat konten.`.replace('  ', ' ');
    }
    case 'BANNED_WORDS': {
      const words = check.message.split(': ').slice(1).join(': ');
      return `Memuat kata yang dilarang: ${words}.`;
    }
    default:
      return check.message;
  }
}

interface FindingsProps {
  checks: readonly StoredModerationCheck[];
  /** Every module the checks name, by id (those the viewer may not know of are left out by the page). */
  related: ReadonlyMap<string, RelatedModule>;
  /** Heading level 2 or 3, as the page's outline needs. */
  level?: 2 | 3;
  title?: string;
  /** The heading's id, when a page shows two sets of findings (before and after submitting). */
  headingId?: string;
}

/** The automatic findings of a submission (near-duplicates with links, missing content, banned words), or that there are none. */
export function ModerationFindings({ checks, related, level = 2, title = 'Temuan pemeriksaan otomatis', headingId = 'temuan-judul' }: FindingsProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section class="findings" aria-labelledby={headingId}>
      <Heading id={headingId}>{title}</Heading>
      {checks.length === 0 ? (
        <p>Tidak ada temuan.</p>
      ) : (
        <ul>
          {checks.map((check) => {
            const modules = check.relatedModuleIds.map((id) => related.get(id)).filter((module): module is RelatedModule => module !== undefined);
            return (
              <li key={check.code} class="finding">
                <p>{describe(check, check.relatedModuleIds.length)}</p>
                {modules.length > 0 && (
                  <ul>
                    {modules.map((module) => (
                      <li key={module.id}>{module.href ? <a href={module.href}>{module.title}</a> : module.title}</li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
