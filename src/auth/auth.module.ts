import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { APP_CONFIG, AppConfig } from '../config/config';
import { AuthThrottlerGuard } from './auth-throttler.guard';
import { RolesGuard } from './roles.guard';
import { SessionCheck } from './session-check';
import { TokenService } from './token.service';

@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      // In-process counters: with several API replicas each counts on its own (a shared store would need Redis).
      useFactory: (config: AppConfig) => [{ name: 'auth', ttl: 60_000, limit: config.authRateLimitPerMinute }],
    }),
  ],
  providers: [TokenService, SessionCheck, AuthThrottlerGuard, { provide: APP_GUARD, useClass: RolesGuard }],
  exports: [TokenService, SessionCheck, AuthThrottlerGuard, ThrottlerModule],
})
export class AuthModule {}
