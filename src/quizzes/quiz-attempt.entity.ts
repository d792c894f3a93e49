import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One graded attempt at a QUIZ lesson (what was selected is not kept: only the grade). */
@Entity('quiz_attempts')
export class QuizAttemptEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'enrollment_id' })
  enrollmentId!: string;

  @Column('uuid', { name: 'lesson_id' })
  lessonId!: string;

  @Column('integer', { name: 'score_percent' })
  scorePercent!: number;

  @Column('boolean')
  passed!: boolean;

  @Column('boolean', { array: true })
  correct!: boolean[];

  @CreateDateColumn({ name: 'attempted_at', type: 'timestamptz' })
  attemptedAt!: Date;
}
