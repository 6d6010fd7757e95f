/**
 * The words of issue 10's second round, pure: the audit trail's actions in words (every action has
 * its words, none shows its code alone), the admin's delete confirmation, who the last admin is, the
 * user menu's initials, the share link with and without sign-in, the sentence for sharing with
 * everyone, and the sign-in screen's warning before signing in as someone else.
 */
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, type UserSummary } from '../../contract/auth.ts';
import { auditActionWords } from '../../client/src/admin/auditWords.ts';
import { deleteWords, isLastAdmin } from '../../client/src/admin/usersAdmin.ts';
import { otherUserWarning } from '../../client/src/auth/gate.ts';
import { initials } from '../../client/src/auth/userMenu.ts';
import { everyoneWords } from '../../client/src/investigations/shareDialog.ts';
import { shareLink, shareLinkWords } from '../../client/src/investigations/words.ts';

const user = (username: string, role: UserSummary['role'], disabled = false): UserSummary => ({
  username,
  role,
  disabled,
  createdAt: '2026-01-01T00:00:00.000Z',
  lastSignInAt: null,
});

describe('audit actions in words', () => {
  it('gives every action words of its own, not its code', () => {
    for (const action of AUDIT_ACTIONS) expect(auditActionWords(action)).not.toBe(action);
    expect(new Set(AUDIT_ACTIONS.map(auditActionWords)).size).toBe(AUDIT_ACTIONS.length);
    expect(auditActionWords('investigation.share')).toBe('Shared an investigation');
  });
});

describe('the users tab', () => {
  it('says what deleting does, with the count when known', () => {
    expect(deleteWords('bob')).toBe(
      'Delete bob? Their sessions end and their investigations go to you. This cannot be undone.',
    );
    expect(deleteWords('bob', 1)).toContain('their 1 investigation go to you');
    expect(deleteWords('bob', 3)).toContain('their 3 investigations go to you');
  });
  it('knows the last enabled admin: a disabled admin does not count', () => {
    const all = [user('root', 'admin'), user('old', 'admin', true), user('ana', 'analyst')];
    expect(isLastAdmin(all[0]!, all)).toBe(true);
    expect(isLastAdmin(all[1]!, all)).toBe(false);
    expect(isLastAdmin(all[2]!, all)).toBe(false);
    expect(isLastAdmin(all[0]!, [...all, user('second', 'admin')])).toBe(false);
  });
});

describe('the user menu on a narrow window', () => {
  it('shows one or two initials', () => {
    expect(initials('ana')).toBe('A');
    expect(initials('jean-luc.picard')).toBe('JL');
    expect(initials('sharing_viewer')).toBe('SV');
  });
});

describe('sharing', () => {
  it('links without a read-only mode when signed in, and says what the link does', () => {
    expect(shareLink('http://h', 'x')).toBe('http://h/?investigation=x&mode=read');
    expect(shareLink('http://h', 'x', true)).toBe('http://h/?investigation=x');
    expect(shareLinkWords(true)).not.toMatch(/read-only/i);
    expect(shareLinkWords(false)).toContain('not change it');
  });
  it('says plainly when shared with everyone', () => {
    expect(everyoneWords('none')).toBeNull();
    expect(everyoneWords('read')).toContain('Everyone who can sign in');
    expect(everyoneWords('edit')).toContain('viewers read it');
  });
});

describe('signing in as someone else', () => {
  it('warns that the unsaved changes are dropped and the page reloads', () => {
    const words = otherUserWarning('ana', 'bob');
    expect(words).toContain('bob, not ana');
    expect(words).toContain('unsaved changes');
    expect(words).toContain('reloads');
  });
});
