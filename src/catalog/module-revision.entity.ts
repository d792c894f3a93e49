import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { LessonEntity } from './lesson.entity';
import { StoredModerationCheck } from './module.entity';
import { DeliveryMode, Level, ModuleStatus } from './module-status';

/** The pending edit of a PUBLISHED module (at most one per module); deleted when approved. */
@Entity('module_revisions')
export class ModuleRevisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'module_id' })
  moduleId!: string;

  /** IN_REVIEW, CHANGES_REQUESTED or REJECTED. */
  @Column('text')
  status!: ModuleStatus;

  @Column('text')
  title!: string;

  @Column('text')
  summary!: string;

  @Column('text')
  description!: string;

  @Column('uuid', { name: 'category_id' })
  categoryId!: string;

  @Column('text', { array: true })
  skills!: string[];

  @Column('text')
  level!: Level;

  @Column('text')
  language!: string;

  @Column('text', { name: 'delivery_mode' })
  deliveryMode!: DeliveryMode;

  @Column('integer', { name: 'duration_minutes' })
  durationMinutes!: number;

  @Column('integer', { name: 'price_idr' })
  priceIdr!: number;

  @Column('boolean')
  certificate!: boolean;

  /** The lesson rows it makes on approval: ids kept, or chosen when a lesson was added, so Lesson.id is stable. */
  @Column('jsonb')
  lessons!: LessonEntity[];

  @Column('jsonb', { name: 'moderation_checks', default: () => `'[]'` })
  moderationChecks!: StoredModerationCheck[];

  @Column('timestamptz', { name: 'submitted_at', nullable: true })
  submittedAt!: Date | null;

  @Column('text', { name: 'review_note', nullable: true })
  reviewNote!: string | null;
}
