/**
 * The admins' panel in Chromium (issue 10): an admin creates a user with a role, changes the role,
 * finds the last admin offered no other role (the server would answer 409), disables and deletes a user after
 * confirming; the audit trail lists each change newest first, filtered by user; "Export JSON lines"
 * downloads every matching entry, one JSON object per line, that parse. An analyst is offered no panel.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEntry } from '../../contract/auth.ts';
import { createTestUser, TEST_PASSWORD } from '../support/auth.ts';
import { authE2eSuite, errorsBut, openAdmin, openUserMenu, signIn } from '../support/authPage.ts';

const suite = authE2eSuite();
const ADMIN = 'admin-ui-admin';
const ANALYST = 'admin-ui-analyst';
const MADE = 'admin-ui-made';

beforeAll(async () => {
  await createTestUser(suite.db(), ADMIN, 'admin');
  await createTestUser(suite.db(), ANALYST, 'analyst');
});

const userRow = (page: Page, username: string) => page.locator(`[data-testid=user-row][data-username="${username}"]`);
const usersMessage = (page: Page) => page.getByTestId('users-message').textContent();

describe('the admin panel', () => {
  it('creates a user, changes a role, offers the last admin no other role, disables and deletes; the trail lists it and exports JSON lines', async () => {
    const { page, errors } = await suite.open('/');
    await signIn(page, ADMIN);
    await openAdmin(page, 'users');

    await page.getByTestId('user-create-username').fill(MADE);
    await page.getByTestId('user-create-password').fill(TEST_PASSWORD);
    await page.getByTestId('user-create-role').selectOption('viewer');
    await page.getByTestId('user-create-submit').click();
    await userRow(page, MADE).waitFor();
    await expect(userRow(page, MADE).getByTestId('user-role-select').inputValue()).resolves.toBe('viewer');

    await userRow(page, MADE).getByTestId('user-role-select').selectOption('analyst');
    await expect.poll(() => usersMessage(page), { timeout: 15_000 }).toBe(`${MADE} is now analyst.`);
    await expect(userRow(page, MADE).getByTestId('user-role-select').inputValue()).resolves.toBe('analyst');

    // The only admin cannot make themself an analyst: the role is not offered (the server's 409 stays
    // behind it), and the row says why.
    await expect(userRow(page, ADMIN).getByTestId('user-role-select').isDisabled()).resolves.toBe(true);
    await expect(userRow(page, ADMIN).getByTestId('user-role-select').getAttribute('title')).resolves.toContain(
      'last admin',
    );
    await expect(userRow(page, ADMIN).getByTestId('user-role-select').inputValue()).resolves.toBe('admin');
    await suite.shot(page, 'user-admin-last-admin');

    // Disable asks first, then says so in the row.
    await userRow(page, MADE).getByTestId('user-disable').click();
    await page.getByTestId('user-confirm').click();
    await expect
      .poll(() => userRow(page, MADE).getByTestId('user-state').textContent(), { timeout: 15_000 })
      .toBe('disabled');

    // The trail, filtered to the admin (who wrote): the changes to that user, newest first; the
    // refused demotion left no entry.
    await page.getByTestId('admin-tab-audit').click();
    await page.getByTestId('audit-user').fill(ADMIN);
    await page.getByTestId('audit-apply').click();
    await page.waitForFunction((u) => {
      const rows = [...document.querySelectorAll('[data-testid=audit-row]')];
      return rows.length > 0 && rows.every((r) => r.querySelector('[data-testid=audit-row-user]')?.textContent === u);
    }, ADMIN);
    const aboutMade = await page
      .locator('[data-testid=audit-row]')
      .evaluateAll(
        (rows, made) =>
          rows
            .filter((r) => r.querySelector('[data-testid=audit-row-ids]')?.textContent === made)
            .map(
              (r) =>
                `${r.getAttribute('data-action')} ${r.querySelector('[data-testid=audit-row-detail]')?.textContent}`,
            ),
        MADE,
      );
    expect(aboutMade).toHaveLength(3);
    expect(aboutMade[2]).toBe('user.create role viewer');
    expect(aboutMade.slice(0, 2).every((a) => a.startsWith('user.update'))).toBe(true);
    const demotions = await page
      .locator('[data-testid=audit-row]', { hasText: 'user.update' })
      .evaluateAll(
        (rows, admin) =>
          rows.filter((r) => r.querySelector('[data-testid=audit-row-ids]')?.textContent === admin).length,
        ADMIN,
      );
    expect(demotions).toBe(0);
    await suite.shot(page, 'user-admin-audit');

    // Export: every entry matching the filters, as JSON lines that parse against the contract.
    const download = page.waitForEvent('download');
    await page.getByTestId('audit-export').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.jsonl$/);
    const lines = (await readFile((await file.path())!, 'utf8')).split('\n').filter((l) => l !== '');
    const entries = lines.map((l) => auditEntry.parse(JSON.parse(l)));
    expect(entries.every((e) => e.username === ADMIN)).toBe(true);
    expect(entries.filter((e) => e.ids.includes(MADE)).map((e) => e.action)).toEqual([
      'user.update',
      'user.update',
      'user.create',
    ]);

    // Delete asks first; afterwards the user is gone from the list.
    await page.getByTestId('admin-tab-users').click();
    await userRow(page, MADE).getByTestId('user-delete').click();
    await page.getByTestId('user-confirm').click();
    await userRow(page, MADE).waitFor({ state: 'detached' });
    expect(errorsBut(errors, 401, 409)).toEqual([]);
  });

  it('offers no admin panel to an analyst', async () => {
    const { page } = await suite.open('/');
    await signIn(page, ANALYST);
    await openUserMenu(page);
    await page.getByTestId('sign-out').waitFor();
    expect(await page.getByTestId('open-admin').count()).toBe(0);
  });
});
