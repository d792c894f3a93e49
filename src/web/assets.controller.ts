import { Controller, Get, NotFoundException, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { SiteAssets } from './assets';

/** The stylesheet and script under content-hashed URLs: a year in every cache, a new URL when they change. */
@Controller('assets')
export class AssetsController {
  constructor(private readonly assets: SiteAssets) {}

  @Get(':file')
  serve(@Req() req: Request, @Res() res: Response): void {
    const asset = this.assets.find(req.path);
    if (!asset) throw new NotFoundException();
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.type(asset.contentType).send(asset.body);
  }
}
