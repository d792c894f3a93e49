import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { RequestHandler } from 'express';
import multer, { memoryStorage, MulterError } from 'multer';
import { Role } from '../auth/role';
import { AppConfig } from '../config/config';
import { WebRequest } from './web-request';

/**
 * Pages whose form posts one file (multipart/form-data). Only these are parsed
 * as multipart, before the CSRF check, so the token in the multipart body is
 * checked before any controller runs; elsewhere a multipart body has no token.
 */
export const UPLOAD_PATHS: ReadonlySet<string> = new Set(['/kontributor/impor']);
/** The name of the one file field of an upload form. */
export const UPLOAD_FIELD = 'berkas';

/** Why an upload could not be read: larger than the limit, or not one file field in a well-formed body. */
export type UploadRefusal = 'too-big' | 'malformed';

export interface Upload {
  file: { name: string; bytes: Buffer } | null;
  refusal: UploadRefusal | null;
  /** The largest file accepted for this viewer, in bytes. */
  limitBytes: number;
}

/**
 * Parses an upload page's multipart body into memory: one file field and a
 * few small fields. A contributor may send a file as large as importModules
 * accepts (IMPORT_BODY_LIMIT_BYTES), anyone else the ordinary body limit, as
 * the API decides it from the verified session before reading the body.
 * A refusal is recorded for the page (after the CSRF check) instead of failing the request.
 */
export function uploadParser(config: AppConfig): RequestHandler {
  const parser = (fileSize: number) =>
    multer({ storage: memoryStorage(), limits: { fileSize, files: 1, fields: 4, fieldSize: 1024, parts: 5 } }).single(UPLOAD_FIELD);
  const forContributors = parser(config.limits.importBodyBytes);
  const forOthers = parser(config.limits.bodyBytes);
  return (req, res, next) => {
    if (!UPLOAD_PATHS.has(req.path)) return next();
    const web = (req as WebRequest).web;
    const contributor = web.session?.viewer.role === Role.CONTRIBUTOR;
    const limitBytes = contributor ? config.limits.importBodyBytes : config.limits.bodyBytes;
    web.upload = { file: null, refusal: null, limitBytes };
    if (req.method !== 'POST') return next();
    (contributor ? forContributors : forOthers)(req, res, (error?: unknown) => {
      const file = req.file ? { name: req.file.originalname, bytes: req.file.buffer } : null;
      const refusal = error === undefined ? null : error instanceof MulterError && error.code === 'LIMIT_FILE_SIZE' ? 'too-big' : 'malformed';
      web.upload = { file: refusal ? null : file, refusal, limitBytes };
      next();
    });
  };
}

/** The upload of this request (nothing but the limit on a GET), for an upload page's handlers. */
export const UploadedFile = createParamDecorator((_data: unknown, context: ExecutionContext): Upload => {
  const web = context.switchToHttp().getRequest<WebRequest>().web;
  return web.upload ?? { file: null, refusal: 'malformed', limitBytes: 0 };
});
