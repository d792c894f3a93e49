import type { ClientBase } from 'pg';

/** PostgreSQL accepts at most 65,535 parameters per statement. */
const MAX_PARAMETERS = 65_535;

/** Inserts rows with multi-row INSERT statements of up to `rowsPerStatement` rows each. */
export async function insertRows(client: ClientBase, table: string, columns: readonly string[], rows: readonly unknown[][], rowsPerStatement = 500): Promise<void> {
  const perStatement = Math.min(rowsPerStatement, Math.floor(MAX_PARAMETERS / columns.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const values: unknown[] = [];
    const tuples = chunk.map((row) => {
      const placeholders = row.map((value) => {
        values.push(value);
        return `$${values.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    await client.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, values);
  }
}
