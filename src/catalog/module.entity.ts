import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DeliveryMode, Level, ModuleStatus } from './module-status';

export interface StoredModerationCheck {
  code: string;
  message: string;
  relatedModuleIds: string[];
}

@Entity('modules')
export class ModuleEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  slug!: string;

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

  @Column('text')
  status!: ModuleStatus;

  @Column('uuid', { name: 'contributor_id' })
  contributorId!: string;

  /** Findings of the automatic checks at the latest submission. */
  @Column('jsonb', { name: 'moderation_checks', default: () => `'[]'` })
  moderationChecks!: StoredModerationCheck[];

  @Column('integer', { name: 'rating_sum', default: 0 })
  ratingSum!: number;

  @Column('integer', { name: 'rating_count', default: 0 })
  ratingCount!: number;

  @Column('integer', { name: 'enrollment_count', default: 0 })
  enrollmentCount!: number;

  @Column('integer', { name: 'completion_count', default: 0 })
  completionCount!: number;

  @Column('timestamptz', { name: 'submitted_at', nullable: true })
  submittedAt!: Date | null;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt!: Date | null;

  /** The title at the latest approval: all that learners and reporters still see once the module left PUBLISHED. */
  @Column('text', { name: 'approved_title', nullable: true })
  approvedTitle!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** Set explicitly on every change, together with version. */
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;

  /** Optimistic-lock counter, checked in the UPDATE's WHERE clause (TypeORM's @VersionColumn is not). */
  @Column('integer', { default: 1 })
  version!: number;
}
