import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request } from 'express';
import { GraphQLError, ValidationContext } from 'graphql';
import { join } from 'node:path';
import { AuthModule } from '../auth/auth.module';
import { SessionCheck } from '../auth/session-check';
import { DomainError } from '../common/domain-error';
import { APP_CONFIG, AppConfig } from '../config/config';
import { GraphQLObservabilityPlugin } from '../observability/graphql-observability.plugin';
import { ThrottleService } from '../throttling/throttle.service';
import { formatGraphQLError } from './error-mapper';
import { IdArgumentsInterceptor } from './id-arguments';
import { LoaderRegistry } from './loaders';
import { LoadersModule } from './loaders.module';
import { RequestContext } from './request-context';
import { RequestLimitsPlugin } from './request-limits.plugin';

/** Emitted in development so the contract check can read it; kept in memory otherwise. */
export const SCHEMA_FILE = join(process.cwd(), 'src/schema.gql');

/** graphql-armor throws by default (a 500); reported instead, a refusal is an ordinary validation error. */
const REPORT_AS_VALIDATION_ERROR = {
  propagateOnRejection: false,
  onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
};

@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [AuthModule, LoadersModule],
      inject: [APP_CONFIG, SessionCheck, LoaderRegistry, ThrottleService, GraphQLObservabilityPlugin],
      useFactory: (config: AppConfig, sessions: SessionCheck, loaders: LoaderRegistry, throttles: ThrottleService, observability: GraphQLObservabilityPlugin): ApolloDriverConfig => ({
        path: '/graphql',
        autoSchemaFile: config.env === 'development' ? SCHEMA_FILE : true,
        sortSchema: true,
        // Production: no GraphiQL or landing page, no introspection, no "Did you mean ..." suggestions.
        graphiql: !config.isProduction,
        introspection: !config.isProduction,
        hideSchemaDetailsFromClientErrors: config.isProduction,
        parseOptions: { maxTokens: config.limits.graphqlTokens },
        includeStacktraceInErrorResponses: false,
        autoTransformHttpErrors: false,
        formatError: formatGraphQLError,
        // Apollo's cache-control plugin wraps every field resolver to collect hints nothing here sets or
        // reads. (Cast: @nestjs/apollo types the ESM build of @apollo/server, this file imports the CJS one.)
        plugins: [
          ApolloServerPluginCacheControlDisabled() as NonNullable<ApolloDriverConfig['plugins']>[number],
          new RequestLimitsPlugin(config.limits, throttles) as unknown as NonNullable<ApolloDriverConfig['plugins']>[number],
          observability as unknown as NonNullable<ApolloDriverConfig['plugins']>[number],
        ],
        // Counted after fragments are expanded, so fragments cannot hide depth; cost is RequestLimitsPlugin's.
        validationRules: [
          maxDepthRule({ n: 12, flattenFragments: true, ...REPORT_AS_VALIDATION_ERROR }),
          maxAliasesRule({ n: 30, ...REPORT_AS_VALIDATION_ERROR }),
        ],
        context: async ({ req }: { req: Request }): Promise<RequestContext> => {
          const context: RequestContext = { req, viewer: null, loaders: loaders.forRequest() };
          try {
            const session = await sessions.authenticate(req.headers.authorization);
            context.viewer = session?.viewer ?? null;
            context.session = session ?? undefined;
          } catch (error) {
            context.authError = error as DomainError;
          }
          return context;
        },
      }),
    }),
  ],
  providers: [{ provide: APP_INTERCEPTOR, useClass: IdArgumentsInterceptor }],
})
export class AppGraphQLModule {}
