import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export enum EnrollmentStatus {
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
}

/** One per beneficiary and module (unique constraint enrollments_beneficiary_module_key). */
@Entity('enrollments')
export class EnrollmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'beneficiary_id' })
  beneficiaryId!: string;

  @Column('uuid', { name: 'module_id' })
  moduleId!: string;

  @Column('text', { default: EnrollmentStatus.ACTIVE })
  status!: EnrollmentStatus;

  /** What the enrollment charged to the training credit: 0 or 1. */
  @Column('integer', { name: 'charged_idr', default: 0 })
  chargedIdr!: number;

  @CreateDateColumn({ name: 'enrolled_at', type: 'timestamptz' })
  enrolledAt!: Date;

  @Column('timestamptz', { name: 'completed_at', nullable: true })
  completedAt!: Date | null;

  /** Issued by the database when the enrollment becomes COMPLETED (migration 1764890000000). */
  @Column({ type: 'text', name: 'certificate_code', nullable: true, insert: false, update: false })
  certificateCode!: string | null;
}

/** A lesson an enrollment has completed; once each (primary key). */
@Entity('lesson_completions')
export class LessonCompletionEntity {
  @PrimaryColumn('uuid', { name: 'enrollment_id' })
  enrollmentId!: string;

  @PrimaryColumn('uuid', { name: 'lesson_id' })
  lessonId!: string;

  @CreateDateColumn({ name: 'completed_at', type: 'timestamptz' })
  completedAt!: Date;
}
