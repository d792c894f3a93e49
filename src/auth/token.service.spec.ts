import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { DomainError } from '../common/domain-error';
import { AppConfig } from '../config/config';
import { Role } from './role';
import { TokenService } from './token.service';

const SECRET = 'unit-test-secret-that-is-long-enough-42';
const tokens = new TokenService({ jwtSecret: SECRET } as AppConfig);
const bearer = (token: string) => `Bearer ${token}`;
const userId = randomUUID();

describe('TokenService', () => {
  it('issues tokens carrying the account, its token version and a token id of their own', () => {
    const first = tokens.verify(bearer(tokens.issue({ id: userId, role: Role.BENEFICIARY, tokenVersion: 7 })))!;
    const second = tokens.verify(bearer(tokens.issue({ id: userId, role: Role.BENEFICIARY, tokenVersion: 7 })))!;
    expect(first).toMatchObject({ userId, tokenVersion: 7 });
    expect(first.tokenId).not.toBe(second.tokenId);
    expect(first.expiresAt.getTime() - Date.now()).toBeGreaterThan(11.9 * 3600_000);
  });

  it.each([
    ['no version or token id (issued before sessions could end)', { sub: userId, role: Role.ADMIN }],
    ['a version that is not an integer', { sub: userId, role: Role.ADMIN, ver: '1', jti: randomUUID() }],
    ['a subject that is not a user id', { sub: "x' OR 1=1", role: Role.ADMIN, ver: 0, jti: randomUUID() }],
  ])('refuses a correctly signed token with %s', (_label, claims) => {
    const signed = new JwtService({ secret: SECRET }).sign(claims);
    expect(() => tokens.verify(bearer(signed))).toThrow(DomainError);
  });

  it('refuses another secret, another algorithm and a malformed header', () => {
    const claims = { sub: userId, role: Role.ADMIN, ver: 0, jti: randomUUID() };
    expect(() => tokens.verify(bearer(new JwtService({ secret: `${SECRET}-other` }).sign(claims)))).toThrow('Invalid or expired token');
    expect(() => tokens.verify(bearer(new JwtService({ secret: SECRET, signOptions: { algorithm: 'HS512' } }).sign(claims)))).toThrow('Invalid or expired token');
    expect(() => tokens.verify('Basic abc')).toThrow('Malformed Authorization header');
    expect(tokens.verify(undefined)).toBeNull();
  });

  it('refuses a token that verified before once it expires, checked again on every use', () => {
    const claims = { sub: userId, role: Role.BENEFICIARY, ver: 0, jti: randomUUID() };
    const signed = new JwtService({ secret: SECRET, signOptions: { expiresIn: 60 } }).sign(claims);
    expect(tokens.verify(bearer(signed))).toMatchObject({ userId });
    const now = jest.spyOn(Date, 'now').mockReturnValue(Date.now() + 61_000);
    try {
      expect(() => tokens.verify(bearer(signed))).toThrow('Invalid or expired token');
      expect(() => tokens.verify(bearer(signed))).toThrow('Invalid or expired token');
    } finally {
      now.mockRestore();
    }
  });
});
