import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Role } from '../auth/role';
import { CurrentViewer, Roles } from '../auth/roles.decorator';
import { Viewer } from '../auth/viewer';
import { RecordCreditSpendInput } from './dto/record-credit-spend.input';
import { LedgerEntryModel, WalletModel } from './models/wallet.model';
import { toLedgerEntryModel, toWalletModel } from './wallet.mapper';
import { WalletService } from './wallet.service';

@Resolver(() => WalletModel)
export class WalletResolver {
  constructor(private readonly wallets: WalletService) {}

  @Roles(Role.BENEFICIARY)
  @Query(() => WalletModel, { description: 'BENEFICIARY only.' })
  async myWallet(@CurrentViewer() viewer: Viewer): Promise<WalletModel> {
    return toWalletModel(await this.wallets.wallet(viewer.id));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => WalletModel, {
    description:
      "ADMIN only (the programme's platform calls it through an admin service\naccount). Records a spend made elsewhere against the beneficiary's training\ncredit; never takes the balance below zero (BAD_USER_INPUT instead).\nThe spend that brings the balance below Rp1 queues a CREDIT_EXHAUSTED\nnotification listing free options.",
  })
  async recordCreditSpend(@Args('input') input: RecordCreditSpendInput): Promise<WalletModel> {
    return toWalletModel(await this.wallets.recordExternalSpend(input));
  }

  @ResolveField(() => [LedgerEntryModel], { description: 'Newest first.' })
  async entries(@Parent() wallet: WalletModel, @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number | null): Promise<LedgerEntryModel[]> {
    return (await this.wallets.entries(wallet.userId, first)).map(toLedgerEntryModel);
  }
}
