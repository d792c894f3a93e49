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
    const fix = fixerOf(definition.type);
    if (fix && definition.name in args) args[definition.name] = fix(args[definition.name]);
  }
}

/** Returns the value with its malformed IDs replaced. */
type Fixer = (value: unknown) => unknown;

const fixers = new WeakMap<GraphQLInputType, Fixer | null>();

/**
 * The fixer of a type, built once per type; null when its values hold no
 * ID. (graphql-js type checks are slow in a hot loop: an import of 5,000
 * modules walks plain closures instead.)
 */
function fixerOf(type: GraphQLInputType): Fixer | null {
  let fixer = fixers.get(type);
  if (fixer !== undefined) return fixer;
  if (!reachesId(type, new Set())) fixer = null;
  else if (isNonNullType(type)) fixer = fixerOf(type.ofType);
  else if (isListType(type)) {
    const item = fixerOf(type.ofType)!;
    fixer = (value) => (value == null ? value : Array.isArray(value) ? value.map(item) : item(value));
  } else if (isInputObjectType(type)) {
    const fields: { name: string; fix: Fixer }[] = [];
    fixer = (value) => {
      if (value == null || typeof value !== 'object') return value;
      const object = value as Record<string, unknown>;
      for (const { name, fix } of fields) if (name in object) object[name] = fix(object[name]);
      return value;
    };
    fixers.set(type, fixer); // before its fields, so a recursive input type finds it
    for (const field of Object.values(type.getFields())) {
      const fix = fixerOf(field.type);
      if (fix) fields.push({ name: field.name, fix });
    }
  } else fixer = (value) => (value == null || (typeof value === 'string' && isUuid(value)) ? value : NAMES_NOTHING);
  fixers.set(type, fixer);
  return fixer;
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
