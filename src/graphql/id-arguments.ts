import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import { GraphQLArgument, GraphQLInputType, GraphQLResolveInfo, isInputObjectType, isListType, isNonNullType, isScalarType } from 'graphql';
import type { Observable } from 'rxjs';
import { isUuid } from '../common/uuid';

/** The nil UUID: never issued (ids are random v4 UUIDs), so it names nothing in any table. */
export const NAMES_NOTHING = '00000000-0000-0000-0000-000000000000';

/**
 * Replaces, in place, every value of an ID argument or ID input field
 * (through lists and nested inputs) that is not a UUID with NAMES_NOTHING.
 * Such a value cannot name anything this API issued, so the field answers
 * as for any id that names nothing (NOT_FOUND, null, a count of 0, or the
 * field's own BAD_USER_INPUT), and no SQL ever casts it to uuid.
 */
export function neutraliseMalformedIds(definitions: readonly GraphQLArgument[], args: Record<string, unknown>): void {
  for (const definition of definitions) {
    if (definition.name in args && holdsIds(definition.type)) args[definition.name] = neutralise(definition.type, args[definition.name]);
  }
}

function neutralise(type: GraphQLInputType, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (isNonNullType(type)) return neutralise(type.ofType, value);
  if (isListType(type)) return Array.isArray(value) ? value.map((item) => neutralise(type.ofType, item)) : neutralise(type.ofType, value);
  if (isScalarType(type)) return type.name === 'ID' && !(typeof value === 'string' && isUuid(value)) ? NAMES_NOTHING : value;
  if (isInputObjectType(type) && typeof value === 'object') {
    const fields = value as Record<string, unknown>;
    for (const field of Object.values(type.getFields())) {
      if (field.name in fields && holdsIds(field.type)) fields[field.name] = neutralise(field.type, fields[field.name]);
    }
  }
  return value;
}

const holdsIdsCache = new WeakMap<GraphQLInputType, boolean>();

/** Whether values of `type` may contain an ID anywhere (cached per type). */
function holdsIds(type: GraphQLInputType): boolean {
  let holds = holdsIdsCache.get(type);
  if (holds === undefined) holdsIdsCache.set(type, (holds = reachesId(type, new Set())));
  return holds;
}

function reachesId(type: GraphQLInputType, visited: Set<GraphQLInputType>): boolean {
  if (isNonNullType(type) || isListType(type)) return reachesId(type.ofType, visited);
  if (isScalarType(type)) return type.name === 'ID';
  if (!isInputObjectType(type) || visited.has(type)) return false;
  visited.add(type);
  return Object.values(type.getFields()).some((field) => reachesId(field.type, visited));
}

/** Applies neutraliseMalformedIds to the arguments of every resolver, before it runs. */
@Injectable()
export class IdArgumentsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<GqlContextType>() === 'graphql') {
      const gql = GqlExecutionContext.create(context);
      const info = gql.getInfo<GraphQLResolveInfo>();
      const field = info.parentType.getFields()[info.fieldName];
      if (field && field.args.length > 0) neutraliseMalformedIds(field.args, gql.getArgs());
    }
    return next.handle();
  }
}
