import { Body, Get, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { ClassConstructor } from 'class-transformer';
import type { Response } from 'express';
import { CategoryDirectory } from '../catalog/category-directory';
import { ErrorCode } from '../common/domain-error';
import { APP_CONFIG, AppConfig } from '../config/config';
import { clientAddress } from '../throttling/client-address';
import { ThrottleService } from '../throttling/throttle.service';
import { asList, asText, FormErrors, formErrorsOf, readForm } from '../web/form';
import { defineNotices } from '../web/notices';
import { Page, PageContext } from '../web/page-context';
import { clearSessionCookie, setSessionCookie } from '../web/session-cookie';
import { localPath } from '../web/local-path';
import { WebController } from '../web/web-page';
import { WebRequest } from '../web/web-request';
import { AccountsService, Session } from './accounts.service';
import { RegisterBeneficiaryInput, RegisterContributorInput } from './dto/register.input';
import { SessionsService } from './sessions.service';
import { LoginView } from './views/login.view';
import { LogoutView } from './views/logout.view';
import { RegisterContributorView } from './views/register-contributor.view';
import { RegisterView } from './views/register.view';
import { renderDocument } from '../web/render';

type Form = Record<string, unknown>;

const REGISTER_WORDING = {
  fields: { email: 'Email ini sudah terdaftar. Silakan masuk.', prakerjaCardNumber: 'Nomor Kartu Prakerja ini sudah terdaftar.' },
};
const LOGIN_WORDING = {
  codes: { [ErrorCode.UNAUTHENTICATED]: 'Email atau kata sandi salah.', [ErrorCode.FORBIDDEN]: 'Akun ini sedang ditangguhkan. Hubungi admin.' },
};

defineNotices({
  'kontributor-terdaftar': { kind: 'ok', text: 'Akun kontributor Anda sudah dibuat. Mulailah dengan menulis modul pertama Anda.' },
});

/** An optional form text: left empty, it is absent (as the API's omitted field), never an empty string to validate. */
const optionalText = (value: unknown): string | undefined => asText(value).trim() || undefined;

/** /masuk, /daftar, /daftar/kontributor, /keluar: the same accounts, throttles and tokens as the API's login and register mutations. */
@WebController()
export class AccountsPages {
  constructor(
    private readonly accounts: AccountsService,
    private readonly sessions: SessionsService,
    private readonly throttles: ThrottleService,
    private readonly categories: CategoryDirectory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('masuk')
  loginForm(@Page() ctx: PageContext, @Query('lanjut') next?: string): string {
    return renderDocument(LoginView({ ctx, next: localPath(asText(next) || '/'), values: {} }));
  }

  @Post('masuk')
  async login(@Page() ctx: PageContext, @Req() req: WebRequest, @Res() res: Response, @Body() form: Form): Promise<void> {
    const email = asText(form.email).trim();
    const next = localPath(asText(form.lanjut) || '/');
    try {
      const session = await this.throttles.guardLogin(email, clientAddress(req), () => this.accounts.login(email, asText(form.password)));
      setSessionCookie(res, this.config, session.accessToken);
      res.redirect(303, next);
    } catch (error) {
      const errors = formErrorsOf(error, LOGIN_WORDING);
      res.status(401).send(renderDocument(LoginView({ ctx, next, values: { email }, errors })));
    }
  }

  @Get('daftar')
  async registerForm(@Page() ctx: PageContext): Promise<string> {
    return renderDocument(RegisterView({ ctx, categories: await this.categoryNames(), values: {} }));
  }

  @Post('daftar')
  async register(@Page() ctx: PageContext, @Req() req: WebRequest, @Res() res: Response, @Body() form: Form): Promise<void> {
    const values = {
      displayName: asText(form.displayName),
      email: asText(form.email),
      password: asText(form.password),
      prakerjaCardNumber: asText(form.prakerjaCardNumber).replace(/[\s-]/g, ''),
      interests: [...asList(form.interests), ...asText(form.otherInterests).split(',')].map((interest) => interest.trim()).filter(Boolean),
    };
    const errors = await this.registerAccount(req, res, RegisterBeneficiaryInput, values, (input) => this.accounts.registerBeneficiary(input), '/?pesan=terdaftar');
    if (!errors) return;
    const shown = { ...values, password: '', otherInterests: asText(form.otherInterests) };
    res.status(422).send(renderDocument(RegisterView({ ctx, categories: await this.categoryNames(), values: shown, errors })));
  }

  @Get('daftar/kontributor')
  registerContributorForm(@Page() ctx: PageContext): string {
    return renderDocument(RegisterContributorView({ ctx, values: {} }));
  }

  @Post('daftar/kontributor')
  async registerContributor(@Page() ctx: PageContext, @Req() req: WebRequest, @Res() res: Response, @Body() form: Form): Promise<void> {
    const values = {
      displayName: asText(form.displayName),
      email: asText(form.email),
      password: asText(form.password),
      kind: asText(form.kind) || undefined,
      organizationName: optionalText(form.organizationName),
      bio: optionalText(form.bio),
    };
    const errors = await this.registerAccount(req, res, RegisterContributorInput, values, (input) => this.accounts.registerContributor(input), '/kontributor?pesan=kontributor-terdaftar');
    if (!errors) return;
    const shown = { displayName: values.displayName, email: values.email, kind: asText(form.kind), organizationName: asText(form.organizationName), bio: asText(form.bio) };
    res.status(422).send(renderDocument(RegisterContributorView({ ctx, values: shown, errors })));
  }

  @Get('keluar')
  logoutForm(@Page() ctx: PageContext): string {
    return renderDocument(LogoutView({ ctx }));
  }

  @Post('keluar')
  async logout(@Req() req: WebRequest, @Res() res: Response, @Body() form: Form): Promise<void> {
    const session = req.web.session;
    if (session) await this.sessions.logout(session, asText(form.semua) === 'ya');
    clearSessionCookie(res, this.config);
    res.redirect(303, '/masuk?pesan=keluar');
  }

  /**
   * Both registrations: every attempt counts against the address's throttle,
   * the API's own input class validates, the service creates the account and
   * the session cookie signs it in before the redirect to `next`. A refusal
   * writes nothing and comes back as the errors to show beside the fields.
   */
  private async registerAccount<T extends object>(
    req: WebRequest,
    res: Response,
    inputClass: ClassConstructor<T>,
    values: Form,
    create: (input: T) => Promise<Session>,
    next: string,
  ): Promise<FormErrors | null> {
    await this.throttles.consumeRegistration(clientAddress(req));
    const input = await readForm(inputClass, values);
    if (!input.ok) return input.errors;
    try {
      const session = await create(input.value);
      setSessionCookie(res, this.config, session.accessToken);
      res.redirect(303, next);
      return null;
    } catch (error) {
      return formErrorsOf(error, REGISTER_WORDING);
    }
  }

  private async categoryNames(): Promise<string[]> {
    return (await this.categories.all()).map((category) => category.name);
  }
}
