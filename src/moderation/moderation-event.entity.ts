import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ModuleStatus } from '../catalog/module-status';
import { ModerationAction } from './module-status-machine';

/** Append-only (a database trigger refuses UPDATE and DELETE). */
@Entity('moderation_events')
export class ModerationEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'bigint', insert: false, update: false })
  seq!: string;

  @Column('uuid', { name: 'module_id' })
  moduleId!: string;

  @Column('text')
  action!: ModerationAction;

  @Column('text', { name: 'from_status' })
  fromStatus!: ModuleStatus;

  @Column('text', { name: 'to_status' })
  toStatus!: ModuleStatus;

  @Column('text', { nullable: true })
  note!: string | null;

  @Column('uuid', { name: 'actor_id' })
  actorId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
