/**
 * Issue 10's done-when walk, in Chromium with sign-in on: an analyst signs in, saves an investigation
 * and shares it read-only with a viewer; the viewer, in a fresh browser context, signs in, finds it in
 * the list ("shared with you (read)"), opens it and finds it read-only ("Read-only: shared by …", no
 * Share, Rename, Delete, New or save status), and a save sent anyway is refused by the server (403);
 * an admin in a third context opens the audit trail, filters by investigation.share and reads that
 * share's entry: who shared, the investigation's id, and with whom. Shared for edit, another analyst
 * renames it and the save lands, with no Delete or Share; an unknown username is refused in words.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Investigation } from '../../contract/investigation.ts';
import { addAndExpand, hook } from '../support/atlasPage.ts';
import { createTestUser } from '../support/auth.ts';
import { authE2eSuite, errorsBut, openAdmin, pageRequest, signIn } from '../support/authPage.ts';
import { createInvestigation, saved } from '../support/investigationPage.ts';

const suite = authE2eSuite();
const ANALYST = 'sharing-analyst';
const VIEWER = 'sharing-viewer';
const ADMIN = 'sharing-admin';
const EDITOR = 'sharing-editor';

beforeAll(async () => {
  await createTestUser(suite.db(), ANALYST, 'analyst');
  await createTestUser(suite.db(), VIEWER, 'viewer');
  await createTestUser(suite.db(), ADMIN, 'admin');
  await createTestUser(suite.db(), EDITOR, 'analyst');
});

describe('a team shares one Faction Atlas', () => {
  it('an analyst shares an investigation read-only, the viewer finds it read-only, an admin reads the share in the audit trail', async () => {
    // The analyst: sign in, build a view, keep it as an investigation, share it read-only with the viewer.
    const analyst = await suite.open('/');
    await signIn(analyst.page, ANALYST);
    await addAndExpand(analyst.page, 'Jaysh al-Nasr', 'Jaysh al-Nasr', 'jaysh-al-nasr');
    const id = await createInvestigation(analyst.page);
    await saved(analyst.page);
    const drawn = (await hook.nodeIds(analyst.page)).sort();
    await analyst.page.getByTestId('share').click();
    await analyst.page.getByTestId('share-manage').waitFor();
    await analyst.page.getByTestId('share-username').fill(VIEWER);
    await analyst.page.getByTestId('share-new-access').selectOption('read');
    await analyst.page.getByTestId('share-add').click();
    const shareRow = analyst.page.locator(`[data-testid=share-row][data-username="${VIEWER}"]`);
    await shareRow.waitFor();
    await expect(shareRow.getByTestId('share-access').inputValue()).resolves.toBe('read');
    await suite.shot(analyst.page, 'team-sharing-analyst-shares');
    expect(errorsBut(analyst.errors, 401)).toEqual([]);

    // The viewer, at another machine: the list says whose it is and how it is shared.
    const viewer = await suite.open('/');
    await signIn(viewer.page, VIEWER);
    const row = viewer.page.locator(`[data-testid=investigation-row][data-id="${id}"]`);
    await row.waitFor();
    await expect(row.getByTestId('investigation-access').textContent()).resolves.toBe(
      `by ${ANALYST} · shared with you (read)`,
    );
    // A viewer owns nothing: no New, no Import, no Bin; nothing in the row but opening it.
    expect(await viewer.page.getByTestId('new-investigation').count()).toBe(0);
    expect(await viewer.page.getByTestId('import-investigation').count()).toBe(0);
    expect(await viewer.page.getByTestId('bin').count()).toBe(0);
    expect(await row.locator('[data-testid=rename], [data-testid=delete], [data-testid=duplicate]').count()).toBe(0);

    await row.getByTestId('open-investigation').click();
    const badge = viewer.page.getByTestId('read-only-badge');
    await badge.waitFor();
    await expect(badge.textContent()).resolves.toBe(`Read-only: shared by ${ANALYST}`);
    await viewer.page.waitForFunction((n) => window.__atlas.nodeIds().length === n, drawn.length);
    expect((await hook.nodeIds(viewer.page)).sort()).toEqual(drawn);
    // No control that can only fail: no Share, no save status, no notes editing, no Restore.
    expect(await viewer.page.getByTestId('share').count()).toBe(0);
    expect((await viewer.page.getByTestId('save-state').textContent())?.trim()).toBe('');
    await expect(viewer.page.getByTestId('save-state').getAttribute('data-state')).resolves.toBe('read-only');
    expect(await viewer.page.locator('#notes button:visible').count()).toBe(0);
    await suite.shot(viewer.page, 'team-sharing-viewer-read-only');

    // A save sent anyway is refused by the server, and nothing changes.
    const got = await pageRequest(viewer.page, `/api/investigations/${id}`);
    expect(got.status).toBe(200);
    const inv = got.body as Investigation;
    expect(inv.access).toBe('read');
    const put = await pageRequest(viewer.page, `/api/investigations/${id}`, 'PUT', {
      title: 'Taken over',
      description: inv.description,
      view: inv.view,
      annotations: inv.annotations,
      queries: inv.queries,
      snapshot: { nodes: inv.snapshot.nodes, edges: inv.snapshot.edges },
      version: inv.version,
    });
    expect(put.status).toBe(403);
    const after = await pageRequest(analyst.page, `/api/investigations/${id}`);
    expect((after.body as Investigation).title).toBe(inv.title);
    expect((after.body as Investigation).version).toBe(inv.version);
    expect(errorsBut(viewer.errors, 401, 403)).toEqual([]);

    // The admin, at a third machine: the audit trail, filtered to shares, holds that share.
    const admin = await suite.open('/');
    await signIn(admin.page, ADMIN);
    await openAdmin(admin.page, 'audit');
    await admin.page.getByTestId('audit-action').selectOption('investigation.share');
    await admin.page.getByTestId('audit-apply').click();
    // The unfiltered trail (sign-ins, the users made, the create) gives way to shares only.
    await admin.page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('[data-testid=audit-row]')];
      return rows.length > 0 && rows.every((r) => r.getAttribute('data-action') === 'investigation.share');
    });
    const entry = admin.page.locator('[data-testid=audit-row]', { hasText: id });
    expect(await entry.count()).toBe(1);
    await expect(entry.getByTestId('audit-row-user').textContent()).resolves.toBe(ANALYST);
    await expect(entry.getByTestId('audit-row-ids').textContent()).resolves.toContain(id);
    await expect(entry.getByTestId('audit-row-detail').textContent()).resolves.toContain(VIEWER);
    await suite.shot(admin.page, 'team-sharing-admin-audit');
    expect(errorsBut(admin.errors, 401)).toEqual([]);
  });

  it('shared for edit, another analyst renames it and it saves; Delete and Share stay the owner', async () => {
    const owner = await suite.open('/');
    await signIn(owner.page, ANALYST);
    const id = await createInvestigation(owner.page);
    await owner.page.getByTestId('share').click();
    await owner.page.getByTestId('share-username').fill(EDITOR);
    await owner.page.getByTestId('share-new-access').selectOption('edit');
    await owner.page.getByTestId('share-add').click();
    await owner.page.locator(`[data-testid=share-row][data-username="${EDITOR}"]`).waitFor();
    // An unknown username is refused in the server's words, and the list stays as stored.
    await owner.page.getByTestId('share-username').fill('sharing-nobody');
    await owner.page.getByTestId('share-add').click();
    await owner.page.getByTestId('share-error').waitFor();
    await expect(owner.page.getByTestId('share-error').textContent()).resolves.toContain('sharing-nobody');
    expect(await owner.page.getByTestId('share-row').count()).toBe(1);

    const editor = await suite.open('/');
    await signIn(editor.page, EDITOR);
    const row = editor.page.locator(`[data-testid=investigation-row][data-id="${id}"]`);
    await row.waitFor();
    await expect(row.getByTestId('investigation-access').textContent()).resolves.toBe(
      `by ${ANALYST} · shared with you (edit)`,
    );
    expect(await row.getByTestId('delete').count()).toBe(0);
    await row.getByTestId('open-investigation').click();
    await saved(editor.page);
    expect(await editor.page.getByTestId('read-only-badge').count()).toBe(0);
    expect(await editor.page.getByTestId('share').count()).toBe(0);
    await row.getByTestId('rename').click();
    await editor.page.getByTestId('rename-input').fill('Reviewed by the editor');
    await editor.page.getByTestId('rename-input').press('Enter');
    await saved(editor.page);
    const stored = await pageRequest(owner.page, `/api/investigations/${id}`);
    expect((stored.body as Investigation).title).toBe('Reviewed by the editor');
    await suite.shot(editor.page, 'team-sharing-editor');
    expect(errorsBut(owner.errors, 400, 401)).toEqual([]);
    expect(errorsBut(editor.errors, 401)).toEqual([]);
  });
});
