import {
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

/** An argument of the document, with its input type and its list bound: what a TypeInfo walk finds once per document. */
interface ArgumentSite {
  name: string;
  type: GraphQLInputType;
  max: number;
  value: ValueNode;
}

/** Per document (Apollo keeps one parsed document per query text): its argument sites, for the schema and bounds they were found with. */
const sitesByDocument = new WeakMap<DocumentNode, { schema: GraphQLSchema; bounds: ListBounds; sites: ArgumentSite[] }>();

/** Every argument of the document in document order (operations and fragments), with its type and bound. */
function argumentSites(schema: GraphQLSchema, document: DocumentNode, bounds: ListBounds): ArgumentSite[] {
  const known = sitesByDocument.get(document);
  if (known && known.schema === schema && known.bounds === bounds) return known.sites;
  const typeInfo = new TypeInfo(schema);
  const sites: ArgumentSite[] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const argument = typeInfo.getArgument();
        if (!argument) return;
        const coordinate = `${typeInfo.getParentType()?.name}.${typeInfo.getFieldDef()?.name}.${argument.name}`;
        sites.push({ name: argument.name, type: argument.type, max: bounds.byArgument[coordinate] ?? bounds.default, value: node.value });
      },
    }),
  );
  sitesByDocument.set(document, { schema, bounds, sites });
  return sites;
}

/**
 * Finds the first list, in an argument literal or in a variable's raw JSON
 * value, longer than its bound; nested input lists (lessons, skills) have
 * the default bound. Runs before variables are coerced, so a list of a
 * million items is refused without coercing any of them. The document's
 * arguments are found once per document; each request checks their values.
 */
export function findOversizedList(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  bounds: ListBounds,
): OversizedList | undefined {
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

  for (const site of argumentSites(schema, document, bounds)) {
    const found = within(checkLiteral(site.value, site.type, site.max), site.name);
    if (found) return { field: fieldName(found.path), length: found.length, max: found.max };
  }
  return undefined;
}
