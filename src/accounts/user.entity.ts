import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Role } from '../auth/role';

export enum ContributorKind {
  INDIVIDUAL = 'INDIVIDUAL',
  ORGANIZATION = 'ORGANIZATION',
}

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  email!: string;

  @Column('text', { name: 'password_hash' })
  passwordHash!: string;

  @Column('text', { name: 'display_name' })
  displayName!: string;

  @Column('text')
  role!: Role;

  @Column('text', { name: 'contributor_kind', nullable: true })
  contributorKind!: ContributorKind | null;

  @Column('text', { name: 'organization_name', nullable: true })
  organizationName!: string | null;

  @Column('text', { nullable: true })
  bio!: string | null;

  @Column('text', { name: 'prakerja_card_number', nullable: true })
  prakerjaCardNumber!: string | null;

  @Column('text', { array: true, default: () => `'{}'` })
  interests!: string[];

  /** Bumped by a password change, a logout everywhere and a suspension: every token issued before stops working. */
  @Column('integer', { name: 'token_version', default: 0 })
  tokenVersion!: number;

  @Column('timestamptz', { name: 'suspended_at', nullable: true })
  suspendedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
