import { withClient } from '../database/bench-database';

export interface InvariantFigures {
  /** Each check by name: rows violating it (0 = holds); absent when its tables do not exist. */
  violations: Record<string, number>;
}

const CHECKS: { name: string; tables: string[]; sql: string }[] = [
  {
    name: 'wallet balance = sum of its ledger entries',
    tables: ['wallets', 'ledger_entries'],
    sql: `SELECT count(*)::int AS n FROM wallets w
           WHERE w.balance_idr <> (SELECT coalesce(sum(l.amount_idr), 0) FROM ledger_entries l WHERE l.user_id = w.user_id)`,
  },
  { name: 'no negative balance', tables: ['wallets'], sql: `SELECT count(*)::int AS n FROM wallets WHERE balance_idr < 0` },
  {
    name: "latest ledger entry's balance_after = wallet balance",
    tables: ['wallets', 'ledger_entries'],
    sql: `SELECT count(*)::int AS n FROM wallets w
            JOIN LATERAL (SELECT balance_after_idr FROM ledger_entries l WHERE l.user_id = w.user_id ORDER BY seq DESC LIMIT 1) last ON true
           WHERE last.balance_after_idr <> w.balance_idr`,
  },
];

/** Runs the ledger's invariants on the database after the enrol load; checks whose tables are missing are skipped. */
export async function checkLedgerInvariants(url: string): Promise<InvariantFigures> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`);
    const tables = new Set(rows.map((row) => row.tablename));
    const violations: Record<string, number> = {};
    for (const check of CHECKS) {
      if (!check.tables.every((table) => tables.has(table))) continue;
      const result = await client.query<{ n: number }>(check.sql);
      violations[check.name] = result.rows[0].n;
    }
    return { violations };
  });
}
