import { registerContributor } from '../factories/accounts';
import { ADMIN_ENV, adminToken, Beneficiary, countWrites, ledgerMismatches, MY_NOTIFICATIONS, MY_WALLET, outboxDrained, RECORD_SPEND_LEAN, recordSpend, registerBeneficiaryWithCard, waitForNotification } from '../factories/learning';
import { errorCode, startTestApp, TestApp } from '../support/test-app';

describe('the training-credit ledger: myWallet and recordCreditSpend', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp(ADMIN_ENV);
    admin = await adminToken(t);
  });
  afterAll(async () => {
    // The ledger invariant holds for every wallet after everything below, the concurrent runs included.
    expect(await ledgerMismatches(t)).toEqual([]);
    await t.close();
  });

  const wallet = async (who: Beneficiary) => (await t.gql(MY_WALLET, {}, who.token)).data!.myWallet;

  it('opens with the GRANT of Rp1,000,000, newest entry first', async () => {
    const beneficiary = await registerBeneficiaryWithCard(t);
    expect(await wallet(beneficiary)).toEqual({
      balanceIdr: 1_000_000,
      creditExhausted: false,
      entries: [{ id: expect.any(String), kind: 'GRANT', amountIdr: 1_000_000, balanceAfterIdr: 1_000_000, reference: null, createdAt: expect.any(String) }],
    });
  });

  it('records a spend, and the same reference again returns the wallet without a second entry', async () => {
    const beneficiary = await registerBeneficiaryWithCard(t);
    const first = await recordSpend(t, admin, beneficiary.card, 250_000, 'pelatihan-A-001');
    expect(first.errors).toBeUndefined();
    expect(first.data!.recordCreditSpend).toMatchObject({ balanceIdr: 750_000, creditExhausted: false });
    expect(first.data!.recordCreditSpend.entries[0]).toEqual({ kind: 'EXTERNAL_SPEND', amountIdr: -250_000, balanceAfterIdr: 750_000, reference: 'pelatihan-A-001' });

    const before = await countWrites(t.db);
    const again = await recordSpend(t, admin, beneficiary.card, 250_000, 'pelatihan-A-001');
    expect(again.data!.recordCreditSpend.balanceIdr).toBe(750_000);
    expect(await countWrites(t.db)).toEqual(before);
  });

  it('refuses to reuse a reference for another amount or another card (CONFLICT), writing nothing', async () => {
    const one = await registerBeneficiaryWithCard(t);
    const other = await registerBeneficiaryWithCard(t);
    expect((await recordSpend(t, admin, one.card, 100_000, 'ref-conflict-1')).errors).toBeUndefined();
    const before = await countWrites(t.db);
    expect(errorCode(await recordSpend(t, admin, one.card, 90_000, 'ref-conflict-1'))).toBe('CONFLICT');
    expect(errorCode(await recordSpend(t, admin, other.card, 100_000, 'ref-conflict-1'))).toBe('CONFLICT');
    expect(await countWrites(t.db)).toEqual(before);
    expect((await wallet(other)).balanceIdr).toBe(1_000_000);
  });

  it('keeps what a spend paid for (courseTitle) and shows it as the entry description; a replay must name the same course', async () => {
    const beneficiary = await registerBeneficiaryWithCard(t);
    const spend = (reference: string, courseTitle?: string | null, amountIdr = 200_000) =>
      t.gql(`mutation($input: RecordCreditSpendInput!) { recordCreditSpend(input: $input) { balanceIdr entries(first: 1) { kind reference description } } }`, {
        input: { prakerjaCardNumber: beneficiary.card, amountIdr, reference, ...(courseTitle === undefined ? {} : { courseTitle }) },
      }, admin);
    const title = 'Bahasa Inggris untuk Pelayan Restoran & Kafe (Tingkat < Menengah)';
    const first = await spend(`titled-${beneficiary.card}`, `  ${title} `);
    expect(first.errors).toBeUndefined();
    expect(first.data!.recordCreditSpend.entries).toEqual([{ kind: 'EXTERNAL_SPEND', reference: `titled-${beneficiary.card}`, description: title }]);
    expect((await spend(`untitled-${beneficiary.card}`)).data!.recordCreditSpend.entries[0].description).toBeNull();

    const before = await countWrites(t.db);
    expect((await spend(`titled-${beneficiary.card}`, title)).data!.recordCreditSpend.balanceIdr).toBe(600_000);
    expect(errorCode(await spend(`titled-${beneficiary.card}`, 'Barista Profesional'))).toBe('CONFLICT');
    expect(errorCode(await spend(`titled-${beneficiary.card}`, null))).toBe('CONFLICT');
    expect(errorCode(await spend(`untitled-${beneficiary.card}`, title))).toBe('CONFLICT');
    expect(await countWrites(t.db)).toEqual(before);

    const entries = (await wallet(beneficiary)).entries as { kind: string; reference: string | null }[];
    expect(entries.map((entry) => entry.kind)).toEqual(['EXTERNAL_SPEND', 'EXTERNAL_SPEND', 'GRANT']);
    const described = await t.gql(`{ myWallet { entries { reference description } } }`, {}, beneficiary.token);
    expect(described.data!.myWallet.entries.map((entry: { description: string | null }) => entry.description)).toEqual([null, title, null]);
  });

  it('refuses a spend above the balance with BAD_USER_INPUT on amountIdr and writes nothing', async () => {
    const beneficiary = await registerBeneficiaryWithCard(t);
    const before = await countWrites(t.db);
    const res = await recordSpend(t, admin, beneficiary.card, 1_000_001, 'too-much-1');
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions.fields).toEqual([{ field: 'amountIdr', message: expect.stringContaining('1000000') }]);
    expect(await countWrites(t.db)).toEqual(before);
  });

  it.each([
    [{ amountIdr: 0 }, 'amountIdr'],
    [{ amountIdr: -5 }, 'amountIdr'],
    [{ prakerjaCardNumber: '12345' }, 'prakerjaCardNumber'],
    [{ reference: '   ' }, 'reference'],
    [{ courseTitle: 'x'.repeat(201) }, 'courseTitle'],
    [{ courseTitle: '   ' }, 'courseTitle'],
    [{ courseTitle: 'Bahasa Inggris <img src=x onerror=alert(1)>' }, 'courseTitle'],
  ])('refuses %j with BAD_USER_INPUT and writes nothing', async (override, field) => {
    const beneficiary = await registerBeneficiaryWithCard(t);
    const before = await countWrites(t.db);
    const res = await t.gql(`mutation($input: RecordCreditSpendInput!) { recordCreditSpend(input: $input) { balanceIdr } }`, {
      input: { prakerjaCardNumber: beneficiary.card, amountIdr: 1000, reference: 'valid-ref', ...override },
    }, admin);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions.fields!.map((f) => f.field)).toEqual([field]);
    expect(await countWrites(t.db)).toEqual(before);
  });

  it('answers NOT_FOUND for an unknown card, FORBIDDEN for non-admins, UNAUTHENTICATED without a token', async () => {
    const beneficiary = await registerBeneficiaryWithCard(t);
    const contributor = await registerContributor(t);
    const before = await countWrites(t.db);
    expect(errorCode(await recordSpend(t, admin, '9999999999999999', 1000, 'unknown-card'))).toBe('NOT_FOUND');
    expect(errorCode(await recordSpend(t, beneficiary.token, beneficiary.card, 1000, 'by-beneficiary'))).toBe('FORBIDDEN');
    expect(errorCode(await recordSpend(t, contributor.token, beneficiary.card, 1000, 'by-contributor'))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(MY_WALLET))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(MY_WALLET, {}, contributor.token))).toBe('FORBIDDEN');
    expect(await countWrites(t.db)).toEqual(before);
  });

  it('20 concurrent spends of Rp100,000 with distinct references against Rp1,000,000 leave exactly 10 spends and balance 0', async () => {
    const beneficiary = await registerBeneficiaryWithCard(t);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => recordSpend(t, admin, beneficiary.card, 100_000, `parallel-${beneficiary.card}-${i}`, RECORD_SPEND_LEAN)));
    const accepted = results.filter((res) => !res.errors);
    const refused = results.filter((res) => res.errors);
    expect(accepted).toHaveLength(10);
    expect(refused.map(errorCode)).toEqual(Array(10).fill('BAD_USER_INPUT'));
    // Each accepted spend saw its own balance: 900,000 down to 0, each once.
    expect(accepted.map((res) => res.data!.recordCreditSpend.balanceIdr).sort((a, b) => b - a)).toEqual([900_000, 800_000, 700_000, 600_000, 500_000, 400_000, 300_000, 200_000, 100_000, 0]);

    const after = await wallet(beneficiary);
    expect(after).toMatchObject({ balanceIdr: 0, creditExhausted: true });
    expect(after.entries.filter((e: { kind: string }) => e.kind === 'EXTERNAL_SPEND')).toHaveLength(10);
    const [{ min }] = await t.db.query(`SELECT min(balance_after_idr)::int AS min FROM ledger_entries WHERE user_id = $1`, [beneficiary.id]);
    expect(min).toBe(0);
    expect(await ledgerMismatches(t)).toEqual([]);

    // The spend that exhausted the credit queued exactly one CREDIT_EXHAUSTED notification.
    const notification = await waitForNotification(t, beneficiary.token, 'CREDIT_EXHAUSTED');
    expect(notification.message).toContain('habis');
    await outboxDrained(t);
    const all = await t.gql(MY_NOTIFICATIONS, { first: 100 }, beneficiary.token);
    expect(all.data!.myNotifications.filter((n: { kind: string }) => n.kind === 'CREDIT_EXHAUSTED')).toHaveLength(1);
  });

  it('the same reference sent 10 times concurrently records one spend', async () => {
    const beneficiary = await registerBeneficiaryWithCard(t);
    const results = await Promise.all(Array.from({ length: 10 }, () => recordSpend(t, admin, beneficiary.card, 300_000, `same-${beneficiary.card}`, RECORD_SPEND_LEAN)));
    expect(results.map((res) => res.errors)).toEqual(Array(10).fill(undefined));
    expect(results.map((res) => res.data!.recordCreditSpend.balanceIdr)).toEqual(Array(10).fill(700_000));
    const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM ledger_entries WHERE reference = $1`, [`same-${beneficiary.card}`]);
    expect(count).toBe(1);
    expect((await wallet(beneficiary)).balanceIdr).toBe(700_000);
  });

  it('the database refuses to rewrite the ledger or take a balance below zero, whatever the application does', async () => {
    const beneficiary = await registerBeneficiaryWithCard(t);
    await expect(t.db.query(`UPDATE ledger_entries SET amount_idr = 1 WHERE user_id = $1`, [beneficiary.id])).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM ledger_entries WHERE user_id = $1`, [beneficiary.id])).rejects.toThrow(/append-only/);
    await expect(t.db.query(`UPDATE wallets SET balance_idr = -1 WHERE user_id = $1`, [beneficiary.id])).rejects.toThrow(/check constraint/);
  });
});
