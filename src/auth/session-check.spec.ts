import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config';
import { Role } from './role';
import { SessionCheck } from './session-check';
import { TokenService } from './token.service';

const SECRET = 'unit-test-secret-that-is-long-enough-42';
const config = (sessionCacheTtlMs: number) => ({ jwtSecret: SECRET, sessionCacheTtlMs }) as AppConfig;

/** A database stand-in answering the standing query: rows while `standing` is true. */
function fakeDatabase() {
  const db = { standing: true, reads: 0, pending: [] as (() => void)[], hold: false };
  const query = async () => {
    db.reads++;
    if (db.hold) await new Promise<void>((resolve) => db.pending.push(resolve));
    return db.standing ? [{ role: Role.BENEFICIARY }] : [];
  };
  return { db, dataSource: { query } as unknown as DataSource };
}

const bearer = (token: string) => `Bearer ${token}`;
const userId = randomUUID();

describe('SessionCheck', () => {
  const tokens = new TokenService(config(0));
  const header = (tokenVersion = 0) => bearer(tokens.issue({ id: userId, role: Role.CONTRIBUTOR, tokenVersion }));

  it('answers the viewer with the role the database holds while the token stands', async () => {
    const { dataSource } = fakeDatabase();
    const session = await new SessionCheck(tokens, dataSource, config(0)).authenticate(header());
    expect(session!.viewer).toEqual({ id: userId, role: Role.BENEFICIARY });
  });

  it('reads the database on every request with a TTL of 0, and refuses an ended token as UNAUTHENTICATED', async () => {
    const { db, dataSource } = fakeDatabase();
    const check = new SessionCheck(tokens, dataSource, config(0));
    const token = header();
    await check.authenticate(token);
    await check.authenticate(token);
    expect(db.reads).toBe(2);
    db.standing = false;
    await expect(check.authenticate(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('reads each token once per TTL, and forgets a token or an account at once when told', async () => {
    const { db, dataSource } = fakeDatabase();
    const check = new SessionCheck(tokens, dataSource, config(60_000));
    const [one, other] = [header(), header()];
    await check.authenticate(one);
    await check.authenticate(one);
    await check.authenticate(other);
    expect(db.reads).toBe(2);

    db.standing = false;
    // Cached: a change made by another process is not seen before the TTL.
    await expect(check.authenticate(one)).resolves.not.toBeNull();
    check.forgetToken(tokens.verify(one)!.tokenId);
    await expect(check.authenticate(one)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(check.authenticate(other)).resolves.not.toBeNull();
    check.forgetAccount(userId);
    await expect(check.authenticate(other)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('does not cache a read that began before an invalidation', async () => {
    const { db, dataSource } = fakeDatabase();
    const check = new SessionCheck(tokens, dataSource, config(60_000));
    const token = header();
    db.hold = true;
    const inFlight = check.authenticate(token);
    await new Promise((resolve) => setImmediate(resolve));
    check.forgetAccount(userId);
    db.pending.forEach((release) => release());
    await inFlight;
    db.hold = false;
    db.standing = false;
    await expect(check.authenticate(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(db.reads).toBe(2);
  });
});
