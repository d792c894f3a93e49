import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { StoredQuestion } from '../quizzes/stored-question';
import { LessonKind } from './module-status';

@Entity('lessons')
export class LessonEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'module_id' })
  moduleId!: string;

  @Column('integer')
  position!: number;

  @Column('text')
  title!: string;

  @Column('text')
  kind!: LessonKind;

  @Column('integer', { name: 'duration_minutes' })
  durationMinutes!: number;

  @Column('text', { name: 'content_url', nullable: true })
  contentUrl!: string | null;

  @Column('text', { nullable: true })
  body!: string | null;

  /** QUIZ lessons: the questions with their correct options (never served as such but to owner and curators). */
  @Column('jsonb', { nullable: true })
  questions!: StoredQuestion[] | null;

  /** QUIZ lessons with questions: the pass mark, 1..100. */
  @Column('integer', { name: 'pass_percent', nullable: true })
  passPercent!: number | null;
}
