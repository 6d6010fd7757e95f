/**
 * Roles in the UI, second round (issue 10), faults a hostile tester found, in Chromium with sign-in on:
 * a read-only investigation offered Hide, Remove, Keep only, Clear canvas and Expand, which did nothing;
 * the Bin offered Restore of others' investigations; the share dialog wanted exact usernames, offered
 * edit to viewers and its link said "read-only" to editors; the admin panel offered the last admin
 * Disable and Delete, and a Reset password on one's own row that signed one out, and clipped the
 * password hint; the audit trail showed codes, not words, and no usernames to pick; a link not found
 * said the server's words; the sign-in screen after a session ended forgot who had been signed in; at
 * 1024 px the top bar cut the title to "Ha…" and the save status to "Sav…". A command reached by its
 * key in a read-only investigation did nothing, silently: it now says why in the status bar.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Investigation } from '../../contract/investigation.ts';
import { addAndExpand, clickElement, settled } from '../support/atlasPage.ts';
import { createTestUser } from '../support/auth.ts';
import { authE2eSuite, errorsBut, openAdmin, pageRequest, signIn, submitSignIn } from '../support/authPage.ts';
import { createInvestigation, saved } from '../support/investigationPage.ts';

const suite = authE2eSuite();
const OWNER = 'roles-owner';
const READER = 'roles-reader';
const EDITOR = 'roles-editor';
const ADMIN = 'roles-admin';
const ANA = 'ana';
const READ_ONLY_REASON = /^Read-only investigation: /;

beforeAll(async () => {
  await createTestUser(suite.db(), OWNER, 'analyst');
  await createTestUser(suite.db(), READER, 'viewer');
  await createTestUser(suite.db(), EDITOR, 'analyst');
  await createTestUser(suite.db(), ADMIN, 'admin');
  await createTestUser(suite.db(), ANA, 'analyst');
});

async function shareWith(page: Page, id: string, shares: { username: string; access: 'read' | 'edit' }[]) {
  const put = await pageRequest(page, `/api/investigations/${id}/shares`, 'PUT', { shares });
  expect(put.status).toBe(200);
}

describe('a read-only investigation', () => {
  it('offers its view-changing commands disabled, saying why, and keeps the console; a link opens with the access one has', async () => {
    const owner = await suite.open('/');
    await signIn(owner.page, OWNER);
    await addAndExpand(owner.page, 'Jaysh al-Nasr', 'Jaysh al-Nasr', 'jaysh-al-nasr');
    const id = await createInvestigation(owner.page);
    await shareWith(owner.page, id, [
      { username: READER, access: 'read' },
      { username: EDITOR, access: 'edit' },
    ]);

    const reader = await suite.open(`/?investigation=${id}`);
    await signIn(reader.page, READER);
    await reader.page.getByTestId('read-only-badge').waitFor();
    await settled(reader.page);
    await clickElement(reader.page, 'jaysh-al-nasr');
    const filters = reader.page.locator('#filters');
    for (const name of ['Hide', 'Remove', 'Keep only neighbourhood', 'Clear canvas']) {
      const button = filters.getByRole('button', { name, exact: true });
      await expect(button.isDisabled()).resolves.toBe(true);
      await expect(button.getAttribute('title')).resolves.toMatch(READ_ONLY_REASON);
    }
    const expand = reader.page.getByTestId('details-expand');
    await expect(expand.isDisabled()).resolves.toBe(true);
    await expect(expand.getAttribute('title')).resolves.toMatch(READ_ONLY_REASON);
    await clickElement(reader.page, 'jaysh-al-nasr', { button: 'right' });
    await reader.page.getByTestId('context-menu').waitFor();
    await expect(reader.page.getByTestId('menu-expand').isDisabled()).resolves.toBe(true);
    await expect(reader.page.getByTestId('menu-remove').isDisabled()).resolves.toBe(true);
    await suite.shot(reader.page, 'roles-read-only-commands');
    await reader.page.keyboard.press('Escape');
    // A command reached another way (its key) is refused in words, not silently.
    const drawn = await reader.page.getByTestId('graph-stats').textContent();
    await clickElement(reader.page, 'jaysh-al-nasr');
    await reader.page.keyboard.press('h');
    await expect.poll(() => reader.page.getByTestId('problem').textContent()).toMatch(READ_ONLY_REASON);
    await expect(reader.page.getByTestId('graph-stats').textContent()).resolves.toBe(drawn);
    // Viewers may use the console.
    await expect(reader.page.getByTestId('console-toggle').isVisible()).resolves.toBe(true);
    await expect(reader.page.getByTestId('console-toggle').isEnabled()).resolves.toBe(true);
    // Importing a view into it could only fail: not offered.
    await expect(reader.page.getByTestId('import-json-label').isVisible()).resolves.toBe(false);
    expect(errorsBut(reader.errors, 401)).toEqual([]);

    // The editor opens a `mode=read` link with their own access: editable, no badge.
    const editor = await suite.open(`/?investigation=${id}&mode=read`);
    await signIn(editor.page, EDITOR);
    await saved(editor.page);
    expect(await editor.page.getByTestId('read-only-badge').count()).toBe(0);
    await expect(
      editor.page.locator('#filters').getByRole('button', { name: 'Clear canvas' }).isEnabled(),
    ).resolves.toBe(true);

    // The owner's Share: the link carries no read-only mode, and says what it does.
    await owner.page.getByTestId('share').click();
    await expect(owner.page.getByTestId('share-link').inputValue()).resolves.not.toContain('mode=read');
    await expect(owner.page.getByTestId('share-hint').textContent()).resolves.toContain('with the access they have');
    expect(errorsBut(editor.errors, 401)).toEqual([]);
  });
});

describe('the share dialog', () => {
  it('offers the users to pick, only "can read" for a viewer, and says plainly when shared with everyone', async () => {
    const { page, errors } = await suite.open('/');
    await signIn(page, OWNER);
    await createInvestigation(page);
    await page.getByTestId('share').click();
    await page.getByTestId('share-manage').waitFor();
    await page.waitForFunction(
      (u) => [...document.querySelectorAll('#share-users option')].some((o) => (o as HTMLOptionElement).value === u),
      READER,
    );
    const offered = await page.$$eval('#share-users option', (os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toEqual(expect.arrayContaining([READER, EDITOR, ADMIN]));
    expect(offered).not.toContain(OWNER);

    await page.getByTestId('share-username').fill(READER);
    await expect(
      page.getByTestId('share-new-access').evaluate((s) => [...(s as HTMLSelectElement).options].map((o) => o.value)),
    ).resolves.toEqual(['read']);
    await page.getByTestId('share-username').fill(EDITOR);
    await expect(
      page.getByTestId('share-new-access').evaluate((s) => [...(s as HTMLSelectElement).options].map((o) => o.value)),
    ).resolves.toEqual(['read', 'edit']);

    await page.getByTestId('share-everyone').selectOption('read');
    await page.getByTestId('share-everyone-words').waitFor();
    await expect(page.getByTestId('share-everyone-words').textContent()).resolves.toContain(
      'Everyone who can sign in can open and read',
    );
    await suite.shot(page, 'roles-share-dialog');
    expect(errorsBut(errors, 401)).toEqual([]);
  });
});

describe('the bin', () => {
  it('offers no Restore of an investigation the user does not own', async () => {
    const owner = await suite.open('/');
    await signIn(owner.page, OWNER);
    const id = await createInvestigation(owner.page);
    await shareWith(owner.page, id, [{ username: EDITOR, access: 'edit' }]);
    expect((await pageRequest(owner.page, `/api/investigations/${id}`, 'DELETE')).status).toBeLessThan(300);

    const editor = await suite.open('/');
    await signIn(editor.page, EDITOR);
    await editor.page.getByTestId('bin').click();
    await editor.page.getByTestId('bin').getByText('Back to list').waitFor();
    await settled(editor.page);
    // Whatever the server lists, nothing of another's can be restored from here.
    expect(await editor.page.locator(`[data-testid=bin-row][data-id="${id}"]`).count()).toBe(0);
    expect(await editor.page.getByTestId('undelete').count()).toBe(0);
    expect(errorsBut(editor.errors, 401)).toEqual([]);
  });
});

describe('the admin panel', () => {
  it('offers no admin Disable or Delete on their own row, when other admins could: the server refuses SELF_DELETE', async () => {
    await createTestUser(suite.db(), 'roles-admin-two', 'admin');
    const { page, errors } = await suite.open('/');
    await signIn(page, 'roles-admin-two');
    await openAdmin(page, 'users');
    const me = page.locator('[data-testid=user-row][data-username="roles-admin-two"]');
    await me.waitFor();
    expect(await me.locator('[data-testid=user-disable], [data-testid=user-delete]').count()).toBe(0);
    const otherAdmin = page.locator(`[data-testid=user-row][data-username="${ADMIN}"]`);
    await expect(otherAdmin.getByTestId('user-delete').isVisible()).resolves.toBe(true);
    const self = await pageRequest(page, '/api/users/roles-admin-two', 'DELETE');
    expect(self.status).toBe(409);
    await page.getByTestId('admin-close').click();
    // Leave ADMIN the last enabled admin again, as the next test expects.
    expect((await pageRequest(page, '/api/users/roles-admin-two', 'PATCH', { disabled: true })).status).toBe(200);
    expect(errorsBut(errors, 401, 409)).toEqual([]);
  });

  it('offers the last admin no Disable, Delete or role; points to Change password on one’s own row; says what Delete does', async () => {
    const { page, errors } = await suite.open('/');
    await signIn(page, ADMIN);
    await openAdmin(page, 'users');
    const me = page.locator(`[data-testid=user-row][data-username="${ADMIN}"]`);
    await me.waitFor();
    expect(await me.locator('[data-testid=user-disable], [data-testid=user-delete]').count()).toBe(0);
    await expect(me.getByTestId('user-role-select').isDisabled()).resolves.toBe(true);
    await expect(me.getByTestId('user-role-select').getAttribute('title')).resolves.toContain('last admin');
    expect(await me.getByTestId('user-reset-password').count()).toBe(0);
    await expect(me.getByTestId('user-own-password').textContent()).resolves.toContain('Change password');

    const other = page.locator(`[data-testid=user-row][data-username="${EDITOR}"]`);
    await other.getByTestId('user-delete').click();
    await expect(page.locator('.user-confirm').textContent()).resolves.toContain(
      'Their sessions end and their investigations go to you',
    );
    // The password hint of the new-user form shows whole (its text fits the box).
    const clipped = await page.getByTestId('user-create-password').evaluate((el) => {
      const input = el as HTMLInputElement;
      const style = getComputedStyle(input);
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = `${style.fontSize} ${style.fontFamily}`;
      const room = input.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
      return ctx.measureText(input.placeholder).width > room;
    });
    expect(clipped).toBe(false);
    await suite.shot(page, 'roles-admin-last-admin');

    // The audit trail: actions in words with their code, usernames to pick for the filter.
    await page.getByTestId('admin-tab-audit').click();
    await page.locator('[data-testid=audit-row][data-action="session.signIn"]').first().waitFor();
    const action = page
      .locator('[data-testid=audit-row][data-action="session.signIn"]')
      .first()
      .getByTestId('audit-row-action');
    await expect(action.textContent()).resolves.toMatch(/^Signed in\s+session\.signIn$/);
    await page.waitForFunction(
      (u) => [...document.querySelectorAll('#audit-users option')].some((o) => (o as HTMLOptionElement).value === u),
      EDITOR,
    );
    await expect(
      page
        .getByTestId('audit-action')
        .evaluate(
          (s) => [...(s as HTMLSelectElement).options].find((o) => o.value === 'investigation.share')?.textContent,
        ),
    ).resolves.toBe('Shared an investigation');
    await suite.shot(page, 'roles-audit-words');
    expect(errorsBut(errors, 401)).toEqual([]);
  });
});

describe('words', () => {
  it('says a link not found may be in the bin or not shared with you', async () => {
    const { page, errors } = await suite.open('/?investigation=00000000-0000-4000-8000-000000000000');
    await signIn(page, OWNER);
    await page.getByTestId('toast').waitFor();
    await expect(page.getByTestId('toast').textContent()).resolves.toContain(
      'not found, is in the bin, or is not shared with you',
    );
    expect(errorsBut(errors, 401, 404)).toEqual([]);
  });

  it('names who was signed in after a session ends, fills in their name, and warns before signing in as someone else', async () => {
    const { page } = await suite.open('/');
    await signIn(page, ANA);
    await suite.db().runAdmin('MATCH (s:Session {username: $u}) DETACH DELETE s', { u: ANA });
    await page.getByTestId('search-input').fill('Sham Legion');
    await page.getByTestId('sign-in-previous').waitFor();
    await expect(page.getByTestId('sign-in-previous').textContent()).resolves.toBe(`You were signed in as ${ANA}.`);
    await expect(page.getByTestId('sign-in-username').inputValue()).resolves.toBe(ANA);

    await submitSignIn(page, EDITOR);
    await page.getByTestId('sign-in-other-user').waitFor();
    await expect(page.getByTestId('sign-in-other-user').textContent()).resolves.toContain('unsaved changes');
    // Not signed in yet: the warning asks first.
    expect(await page.evaluate(async () => (await fetch('/api/session')).status)).toBe(401);
    await suite.shot(page, 'roles-sign-in-other-user');
    await page.getByTestId('sign-in-submit').click();
    await page.waitForEvent('load');
    await page.waitForSelector('[data-testid=graph-stats]');
    await expect(page.getByTestId('user-menu-button').getAttribute('title')).resolves.toContain(EDITOR);
  });
});

describe('the top bar with sign-in', () => {
  for (const width of [1024, 1280]) {
    it(`shows a short title and the save status whole at ${width} px`, async () => {
      const { page, errors } = await suite.open('/', { width, height: 720 });
      await signIn(page, ANA);
      const id = await createInvestigation(page);
      const stored = await pageRequest(page, `/api/investigations/${id}`);
      expect(stored.status).toBe(200);
      const row = page.locator(`[data-testid=investigation-row][data-id="${id}"]`);
      await row.getByTestId('rename').click();
      await page.getByTestId('rename-input').fill('Hama coalition');
      await page.getByTestId('rename-input').press('Enter');
      await saved(page);
      expect(((await pageRequest(page, `/api/investigations/${id}`)).body as Investigation).title).toBe(
        'Hama coalition',
      );
      const cut = (testid: string) => page.getByTestId(testid).evaluate((el) => el.scrollWidth > el.clientWidth + 1);
      await expect(cut('investigation-title')).resolves.toBe(false);
      await expect(cut('save-state')).resolves.toBe(false);
      const search = (await page.getByTestId('search-input').boundingBox())!;
      expect(search.width).toBeGreaterThanOrEqual(180);
      const header = await page.evaluate(() => document.querySelector('header.topbar')!.scrollWidth);
      expect(header).toBeLessThanOrEqual(width);
      await suite.shot(page, `roles-top-bar-${width}`);
      expect(errorsBut(errors, 401)).toEqual([]);
    });
  }
});
