import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The stored balance; always equal to the sum of the wallet's ledger entries. */
@Entity('wallets')
export class WalletEntity {
  @PrimaryColumn('uuid', { name: 'user_id' })
  userId!: string;

  @Column('integer', { name: 'balance_idr' })
  balanceIdr!: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
