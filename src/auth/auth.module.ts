import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlingModule } from '../throttling/throttling.module';
import { RolesGuard } from './roles.guard';
import { SessionCheck } from './session-check';
import { TokenService } from './token.service';

@Module({
  imports: [ThrottlingModule],
  providers: [TokenService, SessionCheck, { provide: APP_GUARD, useClass: RolesGuard }],
  exports: [TokenService, SessionCheck, ThrottlingModule],
})
export class AuthModule {}
