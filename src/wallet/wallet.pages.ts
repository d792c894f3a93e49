import { Get, Query } from '@nestjs/common';
import { Role } from '../auth/role';
import { CategoryDirectory } from '../catalog/category-directory';
import { notFound } from '../common/domain-error';
import { FreeOptionsService } from '../free-options/free-options.service';
import { moduleCardsOf } from '../free-options/views/option-cards';
import { LoaderRegistry } from '../graphql/loaders';
import { Page, PageContext } from '../web/page-context';
import { renderDocument } from '../web/render';
import { SignedIn, WebController } from '../web/web-page';
import { isExhausted } from './ledger-rules';
import { WalletView } from './views/wallet.view';
import { WalletService } from './wallet.service';

const ENTRIES_PER_PAGE = 20;
/** The CREDIT_EXHAUSTED notification lists as many. */
const BANNER_OPTIONS = 5;

/** ?halaman= as a page number: absent is 1; anything but 1..99999 names no page. */
function pageNumber(halaman: unknown): number {
  if (halaman === undefined) return 1;
  if (typeof halaman !== 'string' || !/^[1-9]\d{0,4}$/.test(halaman)) throw notFound('Page');
  return Number(halaman);
}

/** /dompet: myWallet and its entries as a page, with freeOptionsForMe's first five when the credit is exhausted. */
@WebController()
export class WalletPages {
  constructor(
    private readonly wallets: WalletService,
    private readonly freeOptions: FreeOptionsService,
    private readonly categories: CategoryDirectory,
    private readonly loaders: LoaderRegistry,
  ) {}

  @Get('dompet')
  @SignedIn(Role.BENEFICIARY)
  async walletPage(@Page() ctx: PageContext, @Query('halaman') halaman?: unknown): Promise<string> {
    const userId = ctx.viewer!.id;
    const page = pageNumber(halaman);
    const [{ balanceIdr }, entries] = await Promise.all([
      this.wallets.wallet(userId),
      // One more than shown tells whether a later page exists.
      this.wallets.entries(userId, ENTRIES_PER_PAGE + 1, (page - 1) * ENTRIES_PER_PAGE),
    ]);
    const creditExhausted = isExhausted(balanceIdr);
    const options = creditExhausted && page === 1 ? (await this.freeOptions.forBeneficiary(userId, BANNER_OPTIONS)).modules : [];
    return renderDocument(
      WalletView({
        ctx,
        balanceIdr,
        creditExhausted,
        freeOptions: await moduleCardsOf(options, this.loaders.forRequest(), this.categories),
        entries: entries.slice(0, ENTRIES_PER_PAGE),
        page,
        hasNextPage: entries.length > ENTRIES_PER_PAGE,
      }),
    );
  }
}
