import { ContributorKind } from '../accounts/user.entity';
import { DeliveryMode, LessonKind, Level } from '../catalog/module-status';

/** The shape of data/demo-catalogue.json (written by test/tools/demo-catalogue). */
export interface DemoCatalogue {
  contributors: { key: string; displayName: string; kind: ContributorKind; organizationName: string | null; bio: string }[];
  modules: {
    contributor: string;
    title: string;
    summary: string;
    description: string;
    categorySlug: string;
    skills: string[];
    level: Level;
    language: string;
    deliveryMode: DeliveryMode;
    priceIdr: number;
    certificate: boolean;
    publishedDaysAgo: number;
    lessons: {
      title: string;
      kind: LessonKind;
      durationMinutes: number;
      contentUrl?: string | null;
      body?: string | null;
      /** QUIZ lessons graded on the server (about a third of the modules); the others' quizzes are in the body. */
      questions?: { prompt: string; options: string[]; correctOptions: number[] }[];
      passPercent?: number;
    }[];
  }[];
}

export async function loadDemoCatalogue(): Promise<DemoCatalogue> {
  // Imported (not read from disk) so the build copies the file next to the code; loaded only when seeding.
  return (await import('./data/demo-catalogue.json', { with: { type: 'json' } })).default as DemoCatalogue;
}
