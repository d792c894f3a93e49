import { Module } from '@nestjs/common';
import { LoginThrottleInterceptor } from './login-throttle.interceptor';
import { RegistrationThrottleGuard } from './registration-throttle.guard';
import { ThrottleService } from './throttle.service';

@Module({
  providers: [ThrottleService, LoginThrottleInterceptor, RegistrationThrottleGuard],
  exports: [ThrottleService, LoginThrottleInterceptor, RegistrationThrottleGuard],
})
export class ThrottlingModule {}
