import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One per author and module (unique constraint); a new rating replaces it. */
@Entity('reviews')
export class ReviewEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'module_id' })
  moduleId!: string;

  @Column('uuid', { name: 'author_id' })
  authorId!: string;

  @Column('integer')
  rating!: number;

  @Column('text', { nullable: true })
  comment!: string | null;

  /** When this version of the review was written (a replacement is new). */
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;
}
