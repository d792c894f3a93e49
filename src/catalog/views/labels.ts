import { DeliveryMode, LessonKind, Level, ModuleStatus } from '../module-status';

/** How the catalogue's enums read on the pages (Bahasa Indonesia). */
export const LEVEL_LABELS: Record<Level, string> = {
  [Level.BEGINNER]: 'Pemula',
  [Level.INTERMEDIATE]: 'Menengah',
  [Level.ADVANCED]: 'Mahir',
};

export const DELIVERY_MODE_LABELS: Record<DeliveryMode, string> = {
  [DeliveryMode.SELF_PACED]: 'Belajar mandiri',
  [DeliveryMode.WEBINAR]: 'Webinar',
  [DeliveryMode.OFFLINE]: 'Tatap muka',
  [DeliveryMode.BLENDED]: 'Campuran',
};

export const LESSON_KIND_LABELS: Record<LessonKind, string> = {
  [LessonKind.VIDEO]: 'Video',
  [LessonKind.ARTICLE]: 'Bacaan',
  [LessonKind.QUIZ]: 'Kuis',
  [LessonKind.LIVE_SESSION]: 'Sesi langsung',
  [LessonKind.DOWNLOAD]: 'Unduhan',
};

const LANGUAGES: Record<string, string> = { id: 'Bahasa Indonesia', en: 'Bahasa Inggris', jv: 'Bahasa Jawa', su: 'Bahasa Sunda', ja: 'Bahasa Jepang', ko: 'Bahasa Korea', ar: 'Bahasa Arab', zh: 'Bahasa Mandarin' };

/** The languages the editor offers, by code (a module's other code is kept as written). */
export const LANGUAGE_CODES: readonly string[] = Object.keys(LANGUAGES);

/** A BCP 47 code's Indonesian name; an unlisted code shows as written. */
export const languageLabel = (code: string): string => LANGUAGES[code] ?? code;

export const MODULE_STATUS_LABELS: Record<ModuleStatus, string> = {
  [ModuleStatus.DRAFT]: 'Draf',
  [ModuleStatus.IN_REVIEW]: 'Sedang ditinjau',
  [ModuleStatus.CHANGES_REQUESTED]: 'Perlu perbaikan',
  [ModuleStatus.PUBLISHED]: 'Terbit',
  [ModuleStatus.REJECTED]: 'Ditolak',
  [ModuleStatus.UNPUBLISHED]: 'Diturunkan',
  [ModuleStatus.ARCHIVED]: 'Diarsipkan',
};

/** Every status with its label, for a status filter. */
export const MODULE_STATUS_CHOICES = Object.values(ModuleStatus).map((status) => [status, MODULE_STATUS_LABELS[status]] as const);

/** ModuleInput's fields as the editor and the import report name them. */
export const MODULE_FIELD_LABELS: Record<string, string> = {
  title: 'Judul',
  summary: 'Ringkasan',
  description: 'Deskripsi',
  categorySlug: 'Kategori',
  skills: 'Keterampilan',
  level: 'Tingkat',
  language: 'Bahasa',
  deliveryMode: 'Cara belajar',
  priceIdr: 'Harga',
  certificate: 'Sertifikat',
  lessons: 'Pelajaran',
};
