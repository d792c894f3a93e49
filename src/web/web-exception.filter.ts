import { localPath } from './local-path';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, ErrorCode, RateLimitedError } from '../common/domain-error';
import { nulCharacterRefused } from '../common/postgres-errors';
import { UnavailableError } from '../common/unavailable-error';
import { pageContextOf } from './page-context';
import { renderErrorPage } from './views/error.view';
import { WebRequest } from './web-request';

interface ErrorPage {
  status: number;
  title: string;
  message: string;
}

const PAGES: Partial<Record<ErrorCode, ErrorPage>> = {
  [ErrorCode.FORBIDDEN]: { status: 403, title: 'Tidak diizinkan', message: 'Halaman atau tindakan ini bukan untuk akun Anda.' },
  [ErrorCode.NOT_FOUND]: { status: 404, title: 'Tidak ditemukan', message: 'Halaman yang Anda cari tidak ada atau sudah tidak tersedia.' },
  [ErrorCode.BAD_USER_INPUT]: { status: 400, title: 'Permintaan tidak sah', message: 'Ada isian yang tidak sah. Kembali dan periksa lagi.' },
  [ErrorCode.CONFLICT]: { status: 409, title: 'Sudah berubah', message: 'Data ini sudah berubah sejak Anda membukanya. Muat ulang halaman lalu coba lagi.' },
  [ErrorCode.SEARCH_UNAVAILABLE]: { status: 503, title: 'Pencarian sedang gangguan', message: 'Pencarian sedang tidak bisa dipakai. Coba lagi sebentar lagi.' },
};

/** PostgreSQL refused U+0000 in a posted text (no browser sends one): the input is at fault, as the API's BAD_USER_INPUT says. */
const NUL_REFUSED: ErrorPage = { status: 400, title: 'Permintaan tidak sah', message: 'Ada isian yang memuat karakter yang tidak sah (U+0000). Kembali dan periksa lagi.' };

const UNEXPECTED: ErrorPage = { status: 500, title: 'Terjadi kesalahan', message: 'Maaf, ada yang salah di sisi kami. Coba lagi sebentar lagi.' };

/** The page for an HTTP error Nest raised itself (an unknown path is 404). */
function httpErrorPage(exception: HttpException): ErrorPage {
  const status = exception.getStatus();
  if (status === 404) return PAGES[ErrorCode.NOT_FOUND]!;
  if (status === 413) return { status, title: 'Isian terlalu besar', message: 'Isian formulir terlalu besar untuk dikirim.' };
  if (status < 500) return { ...PAGES[ErrorCode.BAD_USER_INPUT]!, status };
  return UNEXPECTED;
}

/**
 * Every failure of a page as a page: signing in when a session is needed
 * (303 to /masuk, coming back afterwards), the contract's codes as 4xx/5xx
 * pages in Bahasa Indonesia, Retry-After on RATE_LIMITED; internals only in the log.
 */
@Catch()
export class WebExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('WebPages');

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<WebRequest>();
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    if (exception instanceof DomainError && exception.code === ErrorCode.UNAUTHENTICATED) {
      const comeBack = req.method === 'GET' ? req.originalUrl : (req.get('referer') ?? '/');
      res.redirect(303, `/masuk?pesan=perlu-masuk&lanjut=${encodeURIComponent(localPath(comeBack))}`);
      return;
    }
    const page = this.pageFor(exception, res);
    const ctx = pageContextOf(req, res);
    res.status(page.status).type('html').setHeader('Cache-Control', 'no-store');
    res.send(renderErrorPage({ ctx, title: page.title, message: page.message }));
  }

  private pageFor(exception: unknown, res: Response): ErrorPage {
    if (exception instanceof RateLimitedError) {
      res.setHeader('Retry-After', String(exception.retryAfterSeconds));
      return { status: 429, title: 'Terlalu banyak percobaan', message: `Tunggu ${exception.retryAfterSeconds} detik, lalu coba lagi.` };
    }
    if (exception instanceof DomainError || exception instanceof UnavailableError) {
      const page = PAGES[exception.code];
      if (exception instanceof UnavailableError) this.logger.warn(exception.message);
      if (page) return page;
    }
    if (exception instanceof HttpException) return httpErrorPage(exception);
    if (nulCharacterRefused(exception)) return NUL_REFUSED;
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return UNEXPECTED;
  }
}
