import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LedgerEntryKind } from '../ledger-entry.entity';

registerEnumType(LedgerEntryKind, { name: 'LedgerEntryKind' });

@ObjectType('LedgerEntry')
export class LedgerEntryModel {
  @Field(() => ID)
  id!: string;

  @Field(() => LedgerEntryKind)
  kind!: LedgerEntryKind;

  @Field(() => Int, { description: 'Signed: GRANT positive, spends and fees negative, FEE_WAIVED zero.' })
  amountIdr!: number;

  @Field(() => Int)
  balanceAfterIdr!: number;

  @Field(() => String, { nullable: true })
  reference!: string | null;

  @Field(() => String, { nullable: true, description: "EXTERNAL_SPEND: what the credit paid for (the paid course's title), when the platform said." })
  description!: string | null;

  @Field()
  createdAt!: Date;
}

@ObjectType('Wallet')
export class WalletModel {
  /** Whose wallet; resolves `entries`. */
  userId!: string;

  @Field(() => Int)
  balanceIdr!: number;

  @Field()
  creditExhausted!: boolean;
}
