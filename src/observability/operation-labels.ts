/** Label of operations sent without a name. */
export const ANONYMOUS = '(anonymous)';
/** Label shared by names past the cap or not shaped like a GraphQL name. */
export const OTHER = '(other)';

const GRAPHQL_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * Operation names as metric labels. Clients choose them freely, so the first
 * `cap` distinct names get their own series and later ones share one: a
 * client sending random names cannot grow the registry without bound.
 */
export class OperationLabels {
  private readonly seen = new Set<string>();

  constructor(private readonly cap: number) {}

  labelOf(name: string | null | undefined): string {
    if (!name) return ANONYMOUS;
    if (this.seen.has(name)) return name;
    if (!GRAPHQL_NAME.test(name) || this.seen.size >= this.cap) return OTHER;
    this.seen.add(name);
    return name;
  }
}
