import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum LedgerEntryKind {
  GRANT = 'GRANT',
  EXTERNAL_SPEND = 'EXTERNAL_SPEND',
  ENROLLMENT_FEE = 'ENROLLMENT_FEE',
  FEE_WAIVED = 'FEE_WAIVED',
}

/** Append-only (a database trigger refuses UPDATE and DELETE). */
@Entity('ledger_entries')
export class LedgerEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'bigint', insert: false, update: false })
  seq!: string;

  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @Column('text')
  kind!: LedgerEntryKind;

  @Column('integer', { name: 'amount_idr' })
  amountIdr!: number;

  @Column('integer', { name: 'balance_after_idr' })
  balanceAfterIdr!: number;

  @Column('text', { nullable: true })
  reference!: string | null;

  /** EXTERNAL_SPEND: what the credit paid for (the paid course's title), when the platform said. */
  @Column('text', { nullable: true })
  description!: string | null;

  /** The enrollment an ENROLLMENT_FEE or FEE_WAIVED entry belongs to (at most one entry each). */
  @Column('uuid', { name: 'enrollment_id', nullable: true })
  enrollmentId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
