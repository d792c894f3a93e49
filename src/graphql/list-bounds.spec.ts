import { buildSchema, parse } from 'graphql';
import { findOversizedList, ListBounds } from './list-bounds';

const schema = buildSchema(`
  enum Level { BEGINNER ADVANCED }
  input LessonInput { title: String! tags: [String!] }
  input ModuleInput { title: String! lessons: [LessonInput!]! }
  input SearchInput { levels: [Level!] pageSize: Int }
  type Query { search(input: SearchInput!): Int queue(statuses: [Level!], first: Int): Int }
  type Mutation { importModules(items: [ModuleInput!]!): Int }
`);
const bounds: ListBounds = { default: 3, byArgument: { 'Mutation.importModules.items': 5 } };
const check = (query: string, variables?: Record<string, unknown>) => findOversizedList(schema, parse(query), variables, bounds);
const lesson = (tags: string[] = []) => ({ title: 'x', tags });

describe('findOversizedList', () => {
  it('bounds literal lists, in arguments and inside input objects', () => {
    expect(check(`{ queue(statuses: [BEGINNER, BEGINNER, BEGINNER]) }`)).toBeUndefined();
    expect(check(`{ queue(statuses: [BEGINNER, BEGINNER, BEGINNER, ADVANCED]) }`)).toEqual({ field: 'statuses', length: 4, max: 3 });
    expect(check(`{ search(input: { levels: [BEGINNER, BEGINNER, BEGINNER, BEGINNER] }) }`)).toEqual({ field: 'levels', length: 4, max: 3 });
  });

  it('bounds variables by where they are used, before coercion', () => {
    const query = `query($s: [Level!], $i: SearchInput!) { queue(statuses: $s) search(input: $i) }`;
    expect(check(query, { s: ['BEGINNER'], i: { levels: [] } })).toBeUndefined();
    expect(check(query, { s: Array(1_000_000).fill('not even a level'), i: {} })).toEqual({ field: 'statuses', length: 1_000_000, max: 3 });
    expect(check(query, { s: null, i: { levels: Array(4).fill(1) } })).toEqual({ field: 'levels', length: 4, max: 3 });
  });

  it('gives an argument its own bound and nested lists the default, with the path to the list', () => {
    const query = `mutation($items: [ModuleInput!]!) { importModules(items: $items) }`;
    const item = { title: 'x', lessons: [lesson(), lesson(['a', 'b', 'c'])] };
    expect(check(query, { items: Array(5).fill(item) })).toBeUndefined();
    expect(check(query, { items: Array(6).fill(item) })).toEqual({ field: 'items', length: 6, max: 5 });
    expect(check(query, { items: [item, { title: 'y', lessons: [lesson(), lesson(['a', 'b', 'c', 'd'])] }] })).toEqual({ field: 'items.1.lessons.1.tags', length: 4, max: 3 });
    expect(check(`mutation { importModules(items: [{ title: "x", lessons: [{ title: "a" }, { title: "b" }, { title: "c" }, { title: "d" }] }]) }`)).toEqual({
      field: 'items.0.lessons',
      length: 4,
      max: 3,
    });
  });

  it('finds lists in fragments too', () => {
    expect(check(`query { ...Q } fragment Q on Query { queue(statuses: [BEGINNER, BEGINNER, BEGINNER, BEGINNER]) }`)).toMatchObject({ field: 'statuses' });
  });
});
