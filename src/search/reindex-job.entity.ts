import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { JobState } from '../queue/job-state';

@Entity('reindex_jobs')
export class ReindexJobEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text', { default: JobState.QUEUED })
  state!: JobState;

  @Column('integer', { name: 'indexed_documents', default: 0 })
  indexedDocuments!: number;

  @Column('text', { nullable: true })
  error!: string | null;

  @Column('uuid', { name: 'requested_by', nullable: true })
  requestedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'finished_at', nullable: true })
  finishedAt!: Date | null;
}
