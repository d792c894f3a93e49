import { JobName } from '../queue/jobs';
import { NotificationKind } from './notification-kind';

/** A notification to write: at most one row per dedupeKey, however often the job runs. */
export interface NotifyPayload {
  kind: Exclude<NotificationKind, NotificationKind.CREDIT_EXHAUSTED>;
  userId: string;
  moduleIds: string[];
  dedupeKey: string;
  /** The curator's note, quoted in the message. */
  note?: string | null;
  /** REPORT_RESOLVED: the report's new status (RESOLVED or DISMISSED). */
  outcome?: string;
}

declare module '../queue/jobs' {
  interface JobPayloads {
    [JobName.NOTIFY]: NotifyPayload;
  }
}
