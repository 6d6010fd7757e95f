/**
 * Curation's entry points by role (issue 12), in Chromium with sign-in on: an analyst sees "Add ▾",
 * a node's "Add a claim from here…" and "Edit…" on its menu and in the details panel; a viewer sees
 * none of them (the server refuses a viewer's write with 403 anyway).
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addAndExpand, clickElement } from '../support/atlasPage.ts';
import { createTestUser } from '../support/auth.ts';
import { authE2eSuite, errorsBut, pageRequest, signIn } from '../support/authPage.ts';

const suite = authE2eSuite();
const ANALYST = 'curation-analyst';
const VIEWER = 'curation-viewer';

beforeAll(async () => {
  await createTestUser(suite.db(), ANALYST, 'analyst');
  await createTestUser(suite.db(), VIEWER, 'viewer');
});

/** Signs in, draws the 111th Regiment's neighbourhood and selects it; answers what curation offers. */
async function offered(
  username: string,
): Promise<{ page: Page; errors: string[]; add: number; menu: string[]; details: number }> {
  const { page, errors } = await suite.open('/');
  await signIn(page, username);
  await addAndExpand(page, '111th Regiment', '111th Regiment', '111th-regiment');
  await clickElement(page, '111th-regiment');
  await page.getByTestId('details-panel').locator('h2').first().waitFor();
  const details = await page.getByTestId('details-panel').getByTestId('curation-actions').count();
  await clickElement(page, '111th-regiment', { button: 'right' });
  await page.getByTestId('context-menu').waitFor();
  const menu = await page.getByTestId('context-menu').locator('[role=menuitem]').allTextContents();
  await page.keyboard.press('Escape');
  const add = await page.getByTestId('curation-add').count();
  return { page, errors, add, menu: menu.map((t) => t.trim()), details };
}

describe('curation by role', () => {
  it('offers an analyst Add, the menu items and the details buttons', async () => {
    const { errors, add, menu, details } = await offered(ANALYST);
    expect(add).toBe(1);
    expect(menu).toEqual(expect.arrayContaining(['Add a claim from here…', 'Edit…']));
    expect(details).toBe(1);
    expect(errorsBut(errors, 401)).toEqual([]);
  });

  it('offers a viewer none of them, and the server refuses a viewer’s write', async () => {
    const { page, errors, add, menu, details } = await offered(VIEWER);
    expect(add).toBe(0);
    expect(menu).not.toContain('Add a claim from here…');
    expect(menu).not.toContain('Edit…');
    expect(details).toBe(0);
    const refused = await pageRequest(page, '/api/sources', 'POST', { source: { name: 'x', title: null } });
    expect(refused.status).toBe(403);
    expect(errorsBut(errors, 401, 403)).toEqual([]);
  });
});
