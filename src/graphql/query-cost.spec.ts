import { buildSchema, getIntrospectionQuery, OperationDefinitionNode, parse } from 'graphql';
import { queryCost, UNPAGED_LIST_SIZE } from './query-cost';

const schema = buildSchema(`
  type Lesson { id: ID! title: String! }
  type Module { id: ID! title: String! skills: [String!]! lessons: [Lesson!]! }
  type Hit { module: Module! }
  type Facet { value: String! count: Int! }
  type SearchResult { total: Int! hits: [Hit!]! facets: [Facet!]! }
  type Connection { total: Int! nodes: [Module!]! }
  input SearchInput { query: String pageSize: Int = 20 }
  type Query {
    search(input: SearchInput!): SearchResult!
    queue(first: Int = 20): Connection!
    reviews(first: Int = 20): [Module!]!
  }
  type Mutation { importModules(items: [String!]!): Int }
`);
const cost = (query: string, variables: Record<string, unknown> = {}) => {
  const document = parse(query);
  return queryCost(schema, document, document.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode, variables);
};

describe('queryCost', () => {
  it('multiplies a page container’s lists by its page size, not its other fields', () => {
    // search 1 + total 1 + hits (1 + 10 × (module 1 + id 1 + title 1)) + facets (1 + 10 × 3)
    expect(cost(`{ search(input: { pageSize: 10 }) { total hits { module { id title } } facets { value count } } }`)).toBe(1 + 1 + (1 + 10 * 3) + (1 + UNPAGED_LIST_SIZE * 2));
  });

  it('multiplies a list with first by first, nested unpaged lists by the assumed size, scalar lists by nothing', () => {
    expect(cost(`{ reviews(first: 7) { id skills lessons { id } } }`)).toBe(1 + 7 * (1 + 1 + (1 + UNPAGED_LIST_SIZE * 1)));
    expect(cost(`{ queue { nodes { id } } }`)).toBe(1 + 1 + 20 * 1);
  });

  it('lets the standard introspection query through (development tools need it; production refuses introspection itself)', () => {
    expect(cost(getIntrospectionQuery())).toBeLessThan(100);
  });

  it('reads page sizes from variables and counts selections hidden in fragments', () => {
    const query = `query($n: Int, $i: SearchInput!) { queue(first: $n) { ...Nodes } search(input: $i) { ... on SearchResult { hits { module { id } } } } }
      fragment Nodes on Connection { nodes { id } }`;
    expect(cost(query, { n: 100, i: { pageSize: 50 } })).toBe(1 + (1 + 100) + 1 + (1 + 50 * 2));
  });

  it('counts a document once per page sizes and directive variables: the same document with others costs what they ask', () => {
    const document = parse(`query($i: SearchInput!, $n: Int, $withFacets: Boolean!) {
      search(input: $i) { total hits { module { id } } facets @include(if: $withFacets) { value } }
      queue(first: $n) { nodes { id } }
    }`);
    const operation = document.definitions[0] as OperationDefinitionNode;
    const costOf = (variables: Record<string, unknown>) => queryCost(schema, document, operation, variables);
    const expected = (page: number, first: number, withFacets: boolean) => 1 + 1 + (1 + page * 2) + (withFacets ? 1 + page : 0) + 1 + (1 + first);
    for (const [page, first, withFacets] of [[20, 5, true], [50, 5, true], [20, 5, false], [20, 9, true], [50, 5, true], [20, 5, true]] as const) {
      expect(costOf({ i: { query: `q${page}`, pageSize: page }, n: first, withFacets })).toBe(expected(page, first, withFacets));
    }
    expect(costOf({ i: { pageSize: 'many' }, n: 5, withFacets: true })).toBeUndefined();
  });

  it('leaves variables that do not coerce to execution, which refuses them', () => {
    expect(cost(`query($n: Int) { queue(first: $n) { total } }`, { n: 'many' })).toBeUndefined();
  });

  it('does not coerce long lists to compute a cost', () => {
    const started = performance.now();
    expect(cost(`mutation($items: [String!]!) { importModules(items: $items) }`, { items: Array(1_000_000).fill('x') })).toBe(1);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
