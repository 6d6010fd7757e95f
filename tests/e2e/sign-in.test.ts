/**
 * Signing in, in Chromium (issue 10): with sign-in on the page shows only the sign-in screen until a
 * user signs in; a wrong password says so in words, and repeated ones say how long to wait (429);
 * the user menu names the user and role, changes the password (the server's words for a wrong current
 * one) and signs out; a session that ends while the page is open brings the screen back, saying why,
 * and signing in again goes on with what was drawn. With sign-in off there is no screen, no sign-out,
 * and the menu says single-user.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { addAndExpand, hook, searchAndChoose, settled } from '../support/atlasPage.ts';
import { createTestUser } from '../support/auth.ts';
import { authE2eSuite, errorsBut, openUserMenu, signIn, submitSignIn } from '../support/authPage.ts';

const offSuite = authE2eSuite({ mode: 'off' });
// Three failed sign-ins per user and address, then 429 for the rest of the 15-minute window.
const suite = authE2eSuite({ mode: 'on', rateLimits: { signInFailuresPerUser: 3, signInWindowMs: 15 * 60_000 } });
const USER = 'signin-analyst';
const LOCKED = 'signin-locked';
const CHANGER = 'signin-changer';
const NEW_PASSWORD = 'a new and longer secret';

beforeAll(async () => {
  await createTestUser(suite.db(), USER, 'analyst');
  await createTestUser(suite.db(), LOCKED, 'viewer');
  await createTestUser(suite.db(), CHANGER, 'viewer');
});

describe('with sign-in on', () => {
  it('shows only the sign-in screen, refuses a wrong password in words, then opens the app and signs out', async () => {
    const { page, errors } = await suite.open('/');
    await page.getByTestId('sign-in').waitFor();
    // Nothing of the app is reachable behind the screen.
    expect(await page.locator('header.topbar').evaluate((el) => (el as HTMLElement).inert)).toBe(true);
    expect(await page.getByTestId('graph-stats').count()).toBe(0);
    await suite.shot(page, 'sign-in-screen');

    await submitSignIn(page, USER, 'not the password at all');
    await expect(page.getByTestId('sign-in-error').textContent()).resolves.toBe('Wrong username or password.');
    await suite.shot(page, 'sign-in-wrong-password');

    await signIn(page, USER);
    await openUserMenu(page);
    await expect(page.getByTestId('user-menu-who').textContent()).resolves.toMatch(
      new RegExp(`^\\s*${USER} · analyst\\s*$`),
    );
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in').waitFor();
    // Signed out on the server too: the session is gone.
    const session = await page.evaluate(async () => (await fetch('/api/session')).status);
    expect(session).toBe(401);
    expect(errorsBut(errors, 401)).toEqual([]);
  });

  it('says how long to wait after too many wrong passwords', async () => {
    const { page } = await suite.open('/');
    for (let i = 0; i < 3; i++) {
      await submitSignIn(page, LOCKED, `wrong password ${i}`);
      await page.getByTestId('sign-in-error').waitFor();
      await expect(page.getByTestId('sign-in-error').textContent()).resolves.toBe('Wrong username or password.');
      await page.getByTestId('sign-in-submit').isEnabled();
    }
    // Even the right password is refused now: the limit holds for this user from this address.
    await submitSignIn(page, LOCKED);
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=sign-in-error]')?.textContent?.startsWith('Too many attempts'),
    );
    await expect(page.getByTestId('sign-in-error').textContent()).resolves.toMatch(
      /^Too many attempts: try again in 1[45] minutes\.$/,
    );
    await suite.shot(page, 'sign-in-too-many');
  });

  it('changes the password from the user menu: a wrong current one in the server words, then the new one signs in', async () => {
    const { page, errors } = await suite.open('/');
    await signIn(page, CHANGER);
    await openUserMenu(page);
    await page.getByTestId('change-password').click();
    const dialog = page.getByTestId('password-dialog');
    await dialog.waitFor();
    await page.getByTestId('password-current').fill('not my password at all');
    await page.getByTestId('password-new').fill(NEW_PASSWORD);
    await page.getByTestId('password-repeat').fill(NEW_PASSWORD);
    await page.getByTestId('password-submit').click();
    await expect(page.getByTestId('password-error').textContent()).resolves.toBe('The current password is wrong');
    // A refused password is not a session ended: no sign-in screen.
    expect(await page.getByTestId('sign-in').count()).toBe(0);

    await page.getByTestId('password-current').fill('correct horse battery');
    await page.getByTestId('password-repeat').fill(`${NEW_PASSWORD}!`);
    await page.getByTestId('password-submit').click();
    await expect(page.getByTestId('password-error').textContent()).resolves.toBe(
      'The new password and its repetition differ.',
    );
    await page.getByTestId('password-repeat').fill(NEW_PASSWORD);
    await page.getByTestId('password-submit').click();
    await page.getByTestId('password-changed').waitFor();
    await suite.shot(page, 'sign-in-password-changed');
    await page.getByTestId('password-done').click();

    await openUserMenu(page);
    await page.getByTestId('sign-out').click();
    await submitSignIn(page, CHANGER);
    await expect(page.getByTestId('sign-in-error').textContent()).resolves.toBe('Wrong username or password.');
    await signIn(page, CHANGER, NEW_PASSWORD);
    expect(errorsBut(errors, 401)).toEqual([]);
  });

  it('brings the sign-in screen back when the session ends, saying why, and goes on with what was drawn', async () => {
    const { page, errors } = await suite.open('/');
    await signIn(page, USER);
    await addAndExpand(page, 'Jaysh al-Nasr', 'Jaysh al-Nasr', 'jaysh-al-nasr');
    const drawn = (await hook.nodeIds(page)).sort();

    // The server ends every session (as expiry does): the next request is 401.
    await suite.db().runAdmin('MATCH (s:Session) DETACH DELETE s');
    await page.getByTestId('search-input').fill('Sham Legion');
    await page.getByTestId('sign-in-reason').waitFor();
    await expect(page.getByTestId('sign-in-reason').textContent()).resolves.toContain('Your session has ended');
    await suite.shot(page, 'sign-in-session-ended');

    await signIn(page, USER);
    expect((await hook.nodeIds(page)).sort()).toEqual(drawn);
    // And the app works again under the new session.
    await searchAndChoose(page, 'Sham Legion', 'Sham Legion');
    await settled(page);
    expect((await hook.nodeIds(page)).length).toBeGreaterThan(drawn.length);
    expect(errorsBut(errors, 401)).toEqual([]);
  });
});

describe('a session ending under a dialog', () => {
  it('closes the dialog, which would hide the sign-in screen, and shows the screen', async () => {
    const { page, errors } = await suite.open('/');
    await signIn(page, USER);
    await openUserMenu(page);
    await page.getByTestId('change-password').click();
    await page.getByTestId('password-dialog').waitFor();
    await suite.db().runAdmin('MATCH (s:Session) DETACH DELETE s');
    await page.getByTestId('password-current').fill('correct horse battery');
    await page.getByTestId('password-new').fill(NEW_PASSWORD);
    await page.getByTestId('password-repeat').fill(NEW_PASSWORD);
    await page.getByTestId('password-submit').click();
    await page.getByTestId('sign-in-reason').waitFor();
    expect(await page.locator('dialog[open]').count()).toBe(0);
    // The screen is on top: a click in the middle of the window lands on it.
    const hit = await page.evaluate(
      () => document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.closest('#sign-in') !== null,
    );
    expect(hit).toBe(true);
    await signIn(page, USER);
    expect(errorsBut(errors, 401)).toEqual([]);
  });
});

describe('with sign-in off (AUTH=off)', () => {
  it('opens the app with no sign-in screen and no sign-out; the menu says single-user', async () => {
    const { page, errors } = await offSuite.open('/');
    await page.waitForSelector('[data-testid=graph-stats]');
    expect(await page.getByTestId('sign-in').count()).toBe(0);
    await expect(page.getByTestId('user-menu-button').textContent()).resolves.toBe('single-user');
    await openUserMenu(page);
    await expect(page.getByTestId('user-menu-who').textContent()).resolves.toContain('Single-user');
    expect(await page.getByTestId('sign-out').count()).toBe(0);
    expect(await page.getByTestId('change-password').count()).toBe(0);
    await offSuite.shot(page, 'sign-in-off-single-user');
    expect(errors).toEqual([]);
  });
});
