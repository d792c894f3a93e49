import type { ApolloServerPlugin, GraphQLRequestContext, GraphQLRequestListener } from '@apollo/server';
import type { PinoLogger } from 'nestjs-pino';
import { performance } from 'node:perf_hooks';
import { bindOperation } from './logging';
import { MetricsService } from './metrics.service';
import { ANONYMOUS } from './operation-labels';
import { scrubVariables } from './scrub';

/** Codes outside this shape (there should be none: the error mapper sets contract codes) share one series. */
const ERROR_CODE = /^[A-Z_]{1,40}$/;

/**
 * Per request, once: binds the operation name to the request's log lines as
 * soon as it is known, and on the response observes the latency histogram,
 * counts the request and its errors by code. Nothing per field.
 */
export class GraphQLObservabilityPlugin implements ApolloServerPlugin<object> {
  constructor(
    private readonly metrics: MetricsService,
    private readonly logger?: PinoLogger,
  ) {}

  async requestDidStart(): Promise<GraphQLRequestListener<object>> {
    const started = performance.now();
    const { metrics, logger } = this;
    let named = false;
    const nameOnce = (context: GraphQLRequestContext<object>) => {
      if (named) return;
      named = true;
      const req = (context.contextValue as { req?: { log?: object } }).req;
      bindOperation(req?.log, context.operationName ?? context.request.operationName ?? ANONYMOUS);
    };
    return {
      async didResolveOperation(context) {
        nameOnce(context);
      },
      async willSendResponse(context) {
        nameOnce(context);
        const operation = metrics.operations.labelOf(context.operationName ?? context.request.operationName);
        const errors = context.response.body.kind === 'single' ? context.response.body.singleResult.errors : undefined;
        metrics.graphqlDuration.observe({ operation }, (performance.now() - started) / 1000);
        metrics.graphqlRequests.inc({ operation, outcome: errors?.length ? 'error' : 'ok' });
        if (!errors?.length) return;
        const codes = errors.map((error) => (typeof error.extensions?.code === 'string' && ERROR_CODE.test(error.extensions.code) ? error.extensions.code : 'OTHER'));
        for (const code of codes) metrics.graphqlErrors.inc({ code });
        logger?.debug({ codes, variables: scrubVariables(context.request.variables) }, 'GraphQL errors');
      },
    };
  }
}
