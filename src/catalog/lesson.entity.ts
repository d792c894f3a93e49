import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
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
}
