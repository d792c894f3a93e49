import fc from 'fast-check';
import {
  getNamedType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputField,
  GraphQLInputObjectType,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLOutputType,
  GraphQLSchema,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isRequiredArgument,
  isRequiredInputField,
} from 'graphql';
import { Envelope, envelopeArbitrary } from './envelope';
import { FuzzValue } from './fuzz-value';
import { ROLES, Role } from './fuzz-world';
import { deepObject, forgedCursor, hostileNumber, hostileString, hugeList, MALFORMED_CURSORS, MALFORMED_IDS, otherEntityRef, wrongType } from './hostile-values';
import { validScalar } from './valid-values';

export interface FuzzArgument {
  name: string;
  value: FuzzValue;
  /** Written inline as a literal, or passed as a variable declared with `declaredType`. */
  as: 'inline' | 'variable';
  declaredType: string;
}

export interface FuzzOperation {
  role: Role;
  operation: 'query' | 'mutation';
  field: string;
  args: FuzzArgument[];
  /** The selection set under the field ('' for a scalar field). */
  selection: string;
  /** Written as a named fragment on this type, rather than inline. */
  fragmentOn?: string;
  /** The response key, when not the field's name. */
  alias?: string;
  envelope: Envelope;
}

/**
 * How a case is built: every value valid; valid but for exactly one fault
 * (one hostile value anywhere in the arguments, a missing required argument,
 * a wrong variable type or an unknown argument), so it gets as far as it can;
 * or hostile values everywhere.
 */
const MODES = [
  { mode: 'valid', weight: 3 },
  { mode: 'oneFault', weight: 5 },
  { mode: 'chaos', weight: 2 },
] as const;
type Mode = (typeof MODES)[number]['mode'];
/** Share of hostile values in a chaos case. */
const CHAOS = 0.35;
const MAX_INPUT_DEPTH = 4;
const MAX_SELECTION_DEPTH = 3;
const ROLE_NAMES: Partial<Record<Role, string>> = { beneficiary: 'BENEFICIARY', otherBeneficiary: 'BENEFICIARY', contributor: 'CONTRIBUTOR', otherContributor: 'CONTRIBUTOR', curator: 'CURATOR', admin: 'ADMIN' };
const WRONG_DECLARED_TYPES = ['String', 'Int!', '[ID!]!', 'Boolean', 'SearchModulesInput'];

/**
 * Operations drawn from the schema itself: every root query and mutation
 * field, as every role, with valid, slightly or thoroughly hostile
 * arguments, written inline or as variables, and a random selection.
 * Fields added to the schema are fuzzed without any change here.
 */
export function operationArbitrary(schema: GraphQLSchema): fc.Arbitrary<FuzzOperation> {
  const roots = (['query', 'mutation'] as const).flatMap((operation) => {
    const type = operation === 'query' ? schema.getQueryType() : schema.getMutationType();
    return Object.values(type?.getFields() ?? {}).map((field) => ({ operation, field }));
  });
  const builder = new ArbitraryBuilder(schema);
  return fc.oneof(...MODES.map(({ mode, weight }) => ({ weight, arbitrary: fc.oneof(...roots.map(({ operation, field }) => builder.operation(operation, field, mode))) })));
}

class ArbitraryBuilder {
  private readonly selections = new Map<string, fc.Arbitrary<string>>();

  constructor(private readonly schema: GraphQLSchema) {}

  operation(operation: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, mode: Mode): fc.Arbitrary<FuzzOperation> {
    return fc.record({
      role: roleFor(field),
      operation: fc.constant(operation),
      field: fc.constant(field.name),
      args: mode === 'oneFault' ? this.argsWithOneFault(field.name, field.args) : this.args(field.name, field.args, mode === 'chaos' ? CHAOS : 0),
      selection: this.selection(field.type, MAX_SELECTION_DEPTH),
      fragmentOn: isLeafType(getNamedType(field.type)) ? fc.constant(undefined) : fc.option(fc.constant(getNamedType(field.type).name), { freq: 4, nil: undefined }),
      alias: fc.option(fc.constantFrom('a', 'hasil', '_x'), { freq: 4, nil: undefined }),
      envelope: envelopeArbitrary,
    });
  }

  private args(field: string, args: readonly GraphQLArgument[], hostility: number): fc.Arbitrary<FuzzArgument[]> {
    const each = args.map((arg) => {
      const argument = this.argument(arg, this.value(arg.type, arg.name, field, hostility, 0), hostility > 0 ? this.declaredType(arg, 20) : fc.constant(String(arg.type)));
      // Required arguments are sometimes left out in chaos, optional ones often.
      const omitted = isRequiredArgument(arg) ? (hostility > 0 ? 1 : 0) : 10;
      return omitted === 0 ? argument : fc.oneof({ arbitrary: argument, weight: 20 }, { arbitrary: fc.constant(undefined), weight: omitted });
    });
    const unknown = fc.oneof({ arbitrary: fc.constant(undefined), weight: 30 }, { arbitrary: BOGUS_ARGUMENT, weight: 1 });
    return fc.tuple(...each, hostility > 0 ? unknown : fc.constant(undefined)).map((all) => all.filter((arg): arg is FuzzArgument => arg !== undefined));
  }

  /** Valid arguments but one: one of them hostile somewhere inside, left out, or declared with a wrong type; or an unknown one added. */
  private argsWithOneFault(field: string, args: readonly GraphQLArgument[]): fc.Arbitrary<FuzzArgument[]> {
    const valid = args.map((arg) => this.argument(arg, this.valid(arg.type, arg.name, field, 0, 0), fc.constant(String(arg.type))));
    const faults: fc.WeightedArbitrary<FuzzArgument[]>[] = [{ arbitrary: fc.tuple(...valid, BOGUS_ARGUMENT), weight: 1 }];
    args.forEach((arg, i) => {
      const withArg = (replacement: fc.Arbitrary<FuzzArgument | undefined>) =>
        fc.tuple(...valid.map((argument, j) => (j === i ? replacement : argument))).map((all) => all.filter((a): a is FuzzArgument => a !== undefined));
      faults.push({ arbitrary: withArg(this.argument(arg, this.oneFault(arg.type, arg.name, field, 0), fc.constant(String(arg.type)))), weight: 6 });
      faults.push({ arbitrary: withArg(this.argument(arg, this.valid(arg.type, arg.name, field, 0, 0), this.declaredType(arg, 0))), weight: 1 });
      if (isRequiredArgument(arg)) faults.push({ arbitrary: withArg(fc.constant(undefined)), weight: 1 });
    });
    return fc.oneof(...faults);
  }

  private argument(arg: GraphQLArgument, value: fc.Arbitrary<FuzzValue>, declaredType: fc.Arbitrary<string>): fc.Arbitrary<FuzzArgument> {
    return fc.record({ name: fc.constant(arg.name), value, as: fc.constantFrom<'inline' | 'variable'>('inline', 'variable'), declaredType });
  }

  private declaredType(arg: GraphQLArgument, rightWeight: number): fc.Arbitrary<string> {
    const wrong = fc.constantFrom(...WRONG_DECLARED_TYPES.filter((type) => type !== String(arg.type)));
    return rightWeight === 0 ? wrong : fc.oneof({ arbitrary: fc.constant(String(arg.type)), weight: rightWeight }, { arbitrary: wrong, weight: 1 });
  }

  /** A valid value with exactly one hostile part: itself, or one field or item inside it. */
  private oneFault(type: GraphQLInputType, name: string, owner: string, depth: number): fc.Arbitrary<FuzzValue> {
    const itself = this.hostile(type, name, depth);
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner)) {
      const element = inner.ofType as GraphQLInputType;
      const list = fc.tuple(fc.array(this.valid(element, name, owner, 0, depth + 1), { maxLength: 2 }), this.oneFault(element, name, owner, depth + 1)).map(([items, faulty]) => [...items, faulty]);
      return fc.oneof(itself, list);
    }
    if (isInputObjectType(inner) && depth < MAX_INPUT_DEPTH) {
      const fields = Object.values(inner.getFields());
      const withFault = fields.map((faulty) =>
        fc
          .tuple(this.valid(inner, name, owner, 0, depth), this.oneFault(faulty.type, faulty.name, inner.name, depth + 1))
          .map(([object, value]) => ({ $fields: { ...(object as { $fields: Record<string, FuzzValue> }).$fields, [faulty.name]: value } })),
      );
      return fc.oneof({ arbitrary: itself, weight: 1 }, { arbitrary: fc.oneof(...withFault), weight: 3 });
    }
    return itself;
  }

  private value(type: GraphQLInputType, name: string, owner: string, hostility: number, depth: number): fc.Arbitrary<FuzzValue> {
    const valid = this.valid(type, name, owner, hostility, depth);
    if (hostility === 0) return valid;
    return fc.oneof({ arbitrary: valid, weight: Math.round((1 - hostility) * 100) }, { arbitrary: this.hostile(type, name, depth), weight: Math.round(hostility * 100) });
  }

  private valid(type: GraphQLInputType, name: string, owner: string, hostility: number, depth: number): fc.Arbitrary<FuzzValue> {
    if (isNonNullType(type)) return this.valid(type.ofType, name, owner, hostility, depth);
    if (isListType(type)) return fc.array(this.value(type.ofType, name, owner, hostility, depth + 1), { minLength: 1, maxLength: 3 });
    if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((value) => ({ $enum: value.name })));
    if (isInputObjectType(type)) {
      // An optional id (LessonInput.id) names something to keep; a random one is a fault, so valid values leave it out.
      const optionalId = (field: GraphQLInputField) => !isRequiredInputField(field) && getNamedType(field.type).name === 'ID';
      const fields = Object.values(type.getFields()).filter((field) => (depth < MAX_INPUT_DEPTH || isRequiredInputField(field)) && !optionalId(field));
      const model = Object.fromEntries(fields.map((field) => [field.name, this.value(field.type, field.name, type.name, hostility, depth + 1)]));
      const requiredKeys = fields.filter(isRequiredInputField).map((field) => field.name);
      return fc.record(model, { requiredKeys }).map(($fields) => ({ $fields: $fields as Record<string, FuzzValue> }));
    }
    return validScalar(type.name, name, owner);
  }

  private hostile(type: GraphQLInputType, name: string, depth: number): fc.Arbitrary<FuzzValue> {
    const named = getNamedType(type);
    const options: fc.WeightedArbitrary<FuzzValue>[] = [
      { arbitrary: fc.constant(null), weight: 3 },
      { arbitrary: wrongType, weight: 3 },
    ];
    if (named.name === 'Int' || named.name === 'Float') options.push({ arbitrary: hostileNumber, weight: 6 });
    else if (isInputObjectType(named)) options.push({ arbitrary: this.withUnknownOrMissingFields(named, name, depth), weight: 4 }, { arbitrary: deepObject, weight: 1 });
    else if (!isEnumType(named)) options.push({ arbitrary: hostileString, weight: 6 });
    if (named.name === 'ID' || /id$|slug/i.test(name)) options.push({ arbitrary: fc.constantFrom<FuzzValue>(...MALFORMED_IDS), weight: 3 }, { arbitrary: otherEntityRef, weight: 3 });
    if (/after|before|cursor/i.test(name)) options.push({ arbitrary: fc.constantFrom<FuzzValue>(...MALFORMED_CURSORS), weight: 4 }, { arbitrary: forgedCursor, weight: 8 });
    if (isListType(isNonNullType(type) ? type.ofType : type)) {
      const element = getElementType(type);
      options.push({ arbitrary: hugeList(this.valid(element, name, name, 0, depth + 1), isInputObjectType(getNamedType(element)) ? 'objects' : 'scalars'), weight: 2 });
    }
    return fc.oneof(...options);
  }

  /** An input object missing required fields or carrying one the type does not define. */
  private withUnknownOrMissingFields(type: GraphQLInputObjectType, name: string, depth: number): fc.Arbitrary<FuzzValue> {
    const fields: GraphQLInputField[] = Object.values(type.getFields());
    const model = Object.fromEntries(fields.map((field) => [field.name, this.valid(field.type, field.name, type.name, 0, depth + 1)]));
    return fc.tuple(fc.record(model, { requiredKeys: [] }), fc.boolean()).map(([present, extra]) => ({ $fields: { ...(present as Record<string, FuzzValue>), ...(extra ? { [`${name}Bogus`]: 1 } : {}) } }));
  }

  /** A random selection of output fields, with inline fragments on abstract types. */
  private selection(type: GraphQLOutputType, depth: number): fc.Arbitrary<string> {
    const named = getNamedType(type);
    if (isLeafType(named)) return fc.constant('');
    const key = `${named.name}:${depth}`;
    let arbitrary = this.selections.get(key);
    if (!arbitrary) {
      arbitrary = isAbstractType(named) ? this.abstractSelection(named.name, depth) : this.objectSelection(named, depth);
      this.selections.set(key, arbitrary);
    }
    return arbitrary;
  }

  private abstractSelection(typeName: string, depth: number): fc.Arbitrary<string> {
    const possible = this.schema.getPossibleTypes(this.schema.getType(typeName) as never);
    return fc.tuple(...possible.map((type) => this.objectSelection(type, depth))).map((parts) => `{ __typename ${parts.map((part, i) => `... on ${possible[i].name} ${part}`).join(' ')} }`);
  }

  private objectSelection(type: GraphQLNamedType, depth: number): fc.Arbitrary<string> {
    if (!isObjectType(type)) return fc.constant('{ __typename }');
    const fields = Object.values(type.getFields()).filter((field) => depth > 0 || isLeafType(getNamedType(field.type)));
    if (fields.length === 0) return fc.constant('{ __typename }');
    const parts = fields.map((field) =>
      fc.tuple(this.args(field.name, field.args, 0), depth > 0 ? this.selection(field.type, depth - 1) : fc.constant('')).map(([args, sub]) => `${field.name}${inlineArgs(args)} ${sub}`),
    );
    return fc.subarray(parts.map((_, i) => i), { minLength: 1, maxLength: Math.min(5, parts.length) }).chain((chosen) => fc.tuple(...chosen.map((i) => parts[i]))).map((chosen) => `{ ${chosen.join(' ')} }`);
  }
}

/** Every role, but mostly the ones the field's (normative) description names, so more cases get past the guards. */
function roleFor(field: GraphQLField<unknown, unknown>): fc.Arbitrary<Role> {
  const named = ROLES.filter((role) => ROLE_NAMES[role] && field.description?.includes(ROLE_NAMES[role]));
  if (named.length === 0) return fc.constantFrom(...ROLES);
  return fc.oneof({ arbitrary: fc.constantFrom(...named), weight: 2 }, { arbitrary: fc.constantFrom(...ROLES), weight: 1 });
}

const BOGUS_ARGUMENT: fc.Arbitrary<FuzzArgument> = fc.record({ name: fc.constant('bogusArgument'), value: wrongType, as: fc.constant<'inline'>('inline'), declaredType: fc.constant('Int') });

function getElementType(type: GraphQLInputType): GraphQLInputType {
  const list = isNonNullType(type) ? type.ofType : type;
  return isListType(list) ? (list.ofType as GraphQLInputType) : type;
}

/** Arguments of nested fields are written inline (valid values only: the root field's arguments are the fuzzed ones). */
function inlineArgs(args: FuzzArgument[]): string {
  const plain = args.filter((arg) => typeof arg.value !== 'object' || arg.value === null || '$enum' in arg.value);
  if (plain.length === 0) return '';
  return `(${plain.map((arg) => `${arg.name}: ${typeof arg.value === 'object' && arg.value !== null && '$enum' in arg.value ? arg.value.$enum : JSON.stringify(arg.value)}`).join(', ')})`;
}
