import { FuzzOperation } from './operation-arbitrary';
import { sentStrings, toJson, toLiteral } from './fuzz-value';
import { FuzzWorld } from './fuzz-world';

export interface RenderedOperation {
  query: string;
  variables: Record<string, unknown>;
  token?: string;
  /** Every string the request carries; an error quoting one back is not a leak. */
  sent: string[];
}

/** The HTTP request for an operation, against the world it was generated for. */
export function renderOperation(op: FuzzOperation, world: FuzzWorld): RenderedOperation {
  const declarations: string[] = [];
  const variables: Record<string, unknown> = {};
  const args = op.args.map((arg, i) => {
    if (arg.as === 'inline') return `${arg.name}: ${toLiteral(arg.value, world)}`;
    declarations.push(`$a${i}: ${arg.declaredType}`);
    variables[`a${i}`] = toJson(arg.value, world);
    return `${arg.name}: $a${i}`;
  });
  const header = declarations.length > 0 ? `${op.operation} Fuzz(${declarations.join(', ')})` : op.operation;
  const field = `${op.alias ? `${op.alias}: ` : ''}${op.field}${args.length > 0 ? `(${args.join(', ')})` : ''}`;
  const query = op.fragmentOn ? `${header} { ${field} { ...Picked } } fragment Picked on ${op.fragmentOn} ${op.selection}` : `${header} { ${field} ${op.selection} }`;
  return { query, variables, token: world.tokens[op.role], sent: [query, ...op.args.flatMap((arg) => sentStrings(arg.value, world))] };
}
