import { buildSchema, GraphQLObjectType } from 'graphql';
import { NAMES_NOTHING, neutraliseMalformedIds } from './id-arguments';

const schema = buildSchema(`
  input LessonInput { id: ID, title: String }
  input UpdateInput { id: ID!, note: String, lessons: [LessonInput!], tags: [ID!] }
  input TreeInput { id: ID, children: [TreeInput!] }
  type Query { one(id: ID!, slug: String): Int, many(ids: [ID!]!): Int, update(input: UpdateInput!): Int, plain(text: String, count: Int): Int, tree(root: TreeInput): Int }
`);
const args = (field: string) => (schema.getType('Query') as GraphQLObjectType).getFields()[field].args;
const UUID = '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';

describe('neutraliseMalformedIds', () => {
  it('keeps UUIDs (any case) and replaces every other ID value with the nil UUID', () => {
    for (const bad of ['x', '', '123', `${UUID}'; DROP TABLE modules; --`, `${UUID} `, 'ä'.repeat(10_000)]) {
      const values: Record<string, unknown> = { id: bad, slug: 'tetap' };
      neutraliseMalformedIds(args('one'), values);
      expect(values).toEqual({ id: NAMES_NOTHING, slug: 'tetap' });
    }
    const values: Record<string, unknown> = { id: UUID.toUpperCase() };
    neutraliseMalformedIds(args('one'), values);
    expect(values.id).toBe(UUID.toUpperCase());
  });

  it('reaches IDs in lists and in nested input objects, and leaves other fields alone', () => {
    const values: Record<string, unknown> = {
      input: { id: 'modul-1', note: 'x', lessons: [{ id: UUID, title: 'a' }, { id: 'nope', title: 'b' }, { title: 'c' }], tags: ['1', UUID] },
    };
    neutraliseMalformedIds(args('update'), values);
    expect(values).toEqual({
      input: { id: NAMES_NOTHING, note: 'x', lessons: [{ id: UUID, title: 'a' }, { id: NAMES_NOTHING, title: 'b' }, { title: 'c' }], tags: [NAMES_NOTHING, UUID] },
    });
    const many: Record<string, unknown> = { ids: ['a', UUID] };
    neutraliseMalformedIds(args('many'), many);
    expect(many).toEqual({ ids: [NAMES_NOTHING, UUID] });
  });

  it('follows a recursive input type to any depth', () => {
    const values: Record<string, unknown> = { root: { id: 'a', children: [{ id: UUID, children: [{ id: 'b' }] }] } };
    neutraliseMalformedIds(args('tree'), values);
    expect(values).toEqual({ root: { id: NAMES_NOTHING, children: [{ id: UUID, children: [{ id: NAMES_NOTHING }] }] } });
  });

  it('leaves null and absent values, and arguments without IDs, as they are', () => {
    const values: Record<string, unknown> = { input: { id: UUID, lessons: null } };
    neutraliseMalformedIds(args('update'), values);
    expect(values).toEqual({ input: { id: UUID, lessons: null } });
    const plain: Record<string, unknown> = { text: 'x', count: 1 };
    neutraliseMalformedIds(args('plain'), plain);
    expect(plain).toEqual({ text: 'x', count: 1 });
  });
});
