/**
 * The words and queries of the client's user parts (issue 10), pure: a refused sign-in in words
 * (wrong password, too many attempts with the wait in minutes, the server's own message otherwise),
 * 403 in words, a list row's "whose and how shared", and the audit trail's day range and query string.
 */
import { describe, expect, it } from 'vitest';
import { ApiError, refusalWords } from '../../client/src/api.ts';
import { auditQueryString } from '../../client/src/auth/authApi.ts';
import { signInRefusal } from '../../client/src/auth/gate.ts';
import { dayStart } from '../../client/src/admin/auditTrail.ts';
import { accessWords } from '../../client/src/investigations/sidebarRows.ts';

describe('a refused sign-in in words', () => {
  it('says wrong username or password for 401, whatever the server called it', () => {
    expect(signInRefusal(new ApiError(401, 'INVALID_CREDENTIALS', 'Wrong username or password'))).toBe(
      'Wrong username or password.',
    );
  });
  it('says how many minutes to wait from Retry-After, rounded up, and never 0', () => {
    const tooMany = (s?: number) => new ApiError(429, 'TOO_MANY_SIGN_INS', 'wait', { retryAfter: s });
    expect(signInRefusal(tooMany(900))).toBe('Too many attempts: try again in 15 minutes.');
    expect(signInRefusal(tooMany(61))).toBe('Too many attempts: try again in 2 minutes.');
    expect(signInRefusal(tooMany(5))).toBe('Too many attempts: try again in 1 minute.');
    expect(signInRefusal(tooMany())).toBe('Too many attempts: wait');
  });
  it('says the server cannot sign in when it is away', () => {
    expect(signInRefusal(new ApiError(503, 'DATABASE_UNAVAILABLE', 'The database is away'))).toBe(
      'The server cannot sign you in now: The database is away',
    );
  });
});

describe('403 in words', () => {
  it('says not allowed with the server reason', () => {
    expect(refusalWords(new ApiError(403, 'FORBIDDEN', 'Viewers cannot import'))).toBe(
      'Not allowed: Viewers cannot import',
    );
    expect(refusalWords(new ApiError(409, 'LAST_ADMIN', 'x is the last admin'))).toBe('x is the last admin');
  });
});

describe('whose an investigation is', () => {
  const row = (access: 'owner' | 'read' | 'edit', shares: { username: string; access: 'read' | 'edit' }[] = []) => ({
    owner: 'alice',
    access,
    shares,
  });
  it('says who shared it and how, to the others', () => {
    expect(accessWords(row('read'), true)).toBe('by alice · shared with you (read)');
    expect(accessWords(row('edit'), true)).toBe('by alice · shared with you (edit)');
  });
  it('tells the owner how widely it is shared', () => {
    expect(accessWords(row('owner'), true)).toBe('');
    expect(accessWords(row('owner', [{ username: 'bob', access: 'read' }]), true)).toBe('shared with 1');
    expect(accessWords(row('owner', [{ username: '*', access: 'read' }]), true)).toBe('shared with everyone');
  });
  it('says nothing without sign-in', () => {
    expect(accessWords(row('read'), false)).toBe('');
  });
});

describe('the audit trail query', () => {
  it('turns days into [local midnight, next local midnight)', () => {
    expect(dayStart('2026-03-03')).toBe(new Date(2026, 2, 3).toISOString());
    expect(dayStart('2026-03-05', true)).toBe(new Date(2026, 2, 6).toISOString());
    expect(dayStart('2026-12-31', true)).toBe(new Date(2027, 0, 1).toISOString());
    expect(dayStart('')).toBeUndefined();
  });
  it('leaves empty filters out of the query string', () => {
    expect(auditQueryString({})).toBe('');
    expect(
      auditQueryString({ user: 'bob', action: 'investigation.share' }, { format: 'jsonl', before: undefined }),
    ).toBe('?user=bob&action=investigation.share&format=jsonl');
  });
});
