import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { JobState } from '../../queue/job-state';

export interface ImportFailure {
  index: number;
  field: string | null;
  message: string;
  /** The row of the uploaded file the item came from (the upload page's report names the file's own rows). */
  row?: number;
}

/** A valid item waiting to be created, with its index in the submitted list. */
export interface PendingImportItem {
  index: number;
  input: Record<string, unknown>;
}

@Entity('import_jobs')
export class ImportJobEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'owner_id' })
  ownerId!: string;

  @Column('text', { default: JobState.QUEUED })
  state!: JobState;

  @Column('integer')
  total!: number;

  @Column('integer', { default: 0 })
  processed!: number;

  @Column('uuid', { name: 'created_module_ids', array: true, default: () => `'{}'` })
  createdModuleIds!: string[];

  @Column('jsonb', { default: () => `'[]'` })
  failures!: ImportFailure[];

  /** Cleared once every item is created. */
  @Column('jsonb', { name: 'pending_items', nullable: true })
  pendingItems!: PendingImportItem[] | null;

  @Column('integer', { name: 'next_item', default: 0 })
  nextItem!: number;

  @Column('text', { nullable: true })
  error!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'finished_at', nullable: true })
  finishedAt!: Date | null;
}
