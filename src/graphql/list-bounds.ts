import {
  BREAK,
  DocumentNode,
  getNullableType,
  GraphQLInputType,
  GraphQLSchema,
  isInputObjectType,
  isListType,
  Kind,
  TypeInfo,
  ValueNode,
  visit,
  visitWithTypeInfo,
} from 'graphql';

/** Items allowed in a list argument: `default`, or the bound of its coordinate ("Mutation.importModules.items"). */
export interface ListBounds {
  default: number;
  byArgument: Record<string, number>;
}

export interface OversizedList {
  /** Where the list is, named as class-validator names input fields: "statuses", "levels" (of input), "items.3.lessons". */
  field: string;
  length: number;
  max: number;
}

/** A list found too long; its path is built on the way back up, so the walk allocates nothing while all is well. */
interface Found {
  path: string[];
  length: number;
  max: number;
}

/** Inside an input object the argument's own name is left out, as in class-validator's field names. */
const fieldName = (path: string[]): string => (path.length > 1 && !/^\d+$/.test(path[1]) ? path.slice(1) : path).join('.');

const within = (found: Found | undefined, segment: string): Found | undefined => {
  found?.path.unshift(segment);
  return found;
};

/**
 * Finds the first list, in an argument literal or in a variable's raw JSON
 * value, longer than its bound; nested input lists (lessons, skills) have
 * the default bound. Runs before variables are coerced, so a list of a
 * million items is refused without coercing any of them.
 */
export function findOversizedList(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  bounds: ListBounds,
): OversizedList | undefined {
  const typeInfo = new TypeInfo(schema);
  let found: Found | undefined;

  const checkValue = (value: unknown, type: GraphQLInputType, max: number): Found | undefined => {
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      if (!Array.isArray(value)) return checkValue(value, nullable.ofType, bounds.default);
      if (value.length > max) return { path: [], length: value.length, max };
      for (let index = 0; index < value.length; index++) {
        const inner = checkValue(value[index], nullable.ofType, bounds.default);
        if (inner) return within(inner, String(index));
      }
    } else if (isInputObjectType(nullable) && value !== null && typeof value === 'object') {
      const fields = nullable.getFields();
      for (const name in value) {
        const inner = fields[name] && checkValue((value as Record<string, unknown>)[name], fields[name].type, bounds.default);
        if (inner) return within(inner, name);
      }
    }
    return undefined;
  };

  const checkLiteral = (node: ValueNode, type: GraphQLInputType, max: number): Found | undefined => {
    if (node.kind === Kind.VARIABLE) return checkValue(variables?.[node.name.value], type, max);
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      if (node.kind !== Kind.LIST) return checkLiteral(node, nullable.ofType, bounds.default);
      if (node.values.length > max) return { path: [], length: node.values.length, max };
      for (let index = 0; index < node.values.length; index++) {
        const inner = checkLiteral(node.values[index], nullable.ofType, bounds.default);
        if (inner) return within(inner, String(index));
      }
    } else if (isInputObjectType(nullable) && node.kind === Kind.OBJECT) {
      const fields = nullable.getFields();
      for (const field of node.fields) {
        const definition = fields[field.name.value];
        const inner = definition && checkLiteral(field.value, definition.type, bounds.default);
        if (inner) return within(inner, field.name.value);
      }
    }
    return undefined;
  };

  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const argument = typeInfo.getArgument();
        if (!argument) return undefined;
        const coordinate = `${typeInfo.getParentType()?.name}.${typeInfo.getFieldDef()?.name}.${argument.name}`;
        found = within(checkLiteral(node.value, argument.type, bounds.byArgument[coordinate] ?? bounds.default), argument.name);
        return found ? BREAK : undefined;
      },
    }),
  );
  return found && { field: fieldName(found.path), length: found.length, max: found.max };
}
