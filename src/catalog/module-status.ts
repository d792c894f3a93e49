export enum ModuleStatus {
  DRAFT = 'DRAFT',
  IN_REVIEW = 'IN_REVIEW',
  CHANGES_REQUESTED = 'CHANGES_REQUESTED',
  PUBLISHED = 'PUBLISHED',
  REJECTED = 'REJECTED',
  UNPUBLISHED = 'UNPUBLISHED',
  ARCHIVED = 'ARCHIVED',
}

export enum Level {
  BEGINNER = 'BEGINNER',
  INTERMEDIATE = 'INTERMEDIATE',
  ADVANCED = 'ADVANCED',
}

export enum DeliveryMode {
  SELF_PACED = 'SELF_PACED',
  WEBINAR = 'WEBINAR',
  OFFLINE = 'OFFLINE',
  BLENDED = 'BLENDED',
}

export enum LessonKind {
  VIDEO = 'VIDEO',
  ARTICLE = 'ARTICLE',
  QUIZ = 'QUIZ',
  LIVE_SESSION = 'LIVE_SESSION',
  DOWNLOAD = 'DOWNLOAD',
}

/** Lesson kinds whose content lives behind a URL. */
export const KINDS_NEEDING_URL: ReadonlySet<LessonKind> = new Set([LessonKind.VIDEO, LessonKind.LIVE_SESSION, LessonKind.DOWNLOAD]);
