import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { RolesGuard } from './roles.guard';
import { TokenService } from './token.service';

@Module({
  providers: [TokenService, { provide: APP_GUARD, useClass: RolesGuard }],
  exports: [TokenService],
})
export class AuthModule {}
