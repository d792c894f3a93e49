import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { NotificationKind } from './notification-kind';

/** Written only by jobs; one row per dedupe key, so a retried job adds nothing. */
@Entity('notifications')
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @Column('text')
  kind!: NotificationKind;

  @Column('text')
  message!: string;

  @Column('uuid', { name: 'module_ids', array: true, default: () => `'{}'` })
  moduleIds!: string[];

  @Column('text', { name: 'dedupe_key' })
  dedupeKey!: string;

  @Column('timestamptz', { name: 'read_at', nullable: true })
  readAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
