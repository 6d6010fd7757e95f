/**
 * Curation in the browser (issue 12's done-when), in Chromium: "Add ▾" adds a source graded B and a
 * claim citing it with credibility 2, and the canvas shows "B2" on the claim; the claim form submitted
 * without a source says so at the sources field and sends nothing; correcting the claim to credibility
 * 3 shows "B3"; stepping "as known on" back to before the correction (the claim's history, "As known
 * before this") shows "B2" again; back at Now, regrading the source A shows "A3", and retracting the
 * claim from its menu (a reason required) takes it off the canvas. Adding a node
 * named like a held one lists the held one with its score before anything is written.
 */
import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  clickElement,
  edgeLabel,
  pointerAway,
  searchAndChoose,
  settled,
  waitForEdgeLabel,
} from '../support/atlasPage.ts';
import { errorsBut } from '../support/authPage.ts';
import { e2eSuite } from '../support/e2eSuite.ts';
import { pageRequest } from '../support/investigationPage.ts';

const suite = e2eSuite();
const START = 'liwa-omar';
const END = 'fatah-halab';
const SOURCE_TITLE = 'Liwa Omar joins Fatah Halab';

/** The requests that write a claim (POST /api/relationships, not /among). */
function claimWrites(page: Page): Request[] {
  const seen: Request[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/relationships') seen.push(r);
  });
  return seen;
}

async function openAdd(page: Page, what: 'node' | 'claim' | 'source', item = `add-${what}`): Promise<void> {
  await page.getByTestId('curation-add').click();
  await page.getByTestId(item).click();
  await page.getByTestId(item === 'correct-source' ? 'source-correction' : `${what}-form`).waitFor();
}

/** Waits until the claim's label on the canvas shows `grade`, and the canvas is settled. */
async function waitForLabel(page: Page, id: string, grade: string): Promise<void> {
  await waitForEdgeLabel(page, id, grade);
  await settled(page);
}

describe('curation through the forms', () => {
  it('adds a graded source and a claim citing it (B2), refuses a claim without a source at the field, corrects it (B3) and steps "as known on" back (B2)', async () => {
    const { page, errors } = await suite.open();
    const writes = claimWrites(page);
    await searchAndChoose(page, 'Liwa Omar', 'Liwa Omar');
    await searchAndChoose(page, 'Fatah Halab', 'Fatah Halab');

    // A source, graded B ("usually reliable").
    await openAdd(page, 'source');
    const sourceForm = page.getByTestId('source-form');
    await sourceForm.locator('[name=name]').fill('Example News, 3 March 2017');
    await sourceForm.locator('[name=title]').fill(SOURCE_TITLE);
    await sourceForm.locator('[name=publisher]').fill('Example News');
    await sourceForm.locator('[name=date]').fill('2017-03-03');
    await sourceForm.locator('[name=reliability]').selectOption('B');
    const addedSource = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/sources' && r.request().method() === 'POST',
    );
    await sourceForm.getByTestId('curation-save').click();
    expect([200, 201]).toContain((await addedSource).status());
    await sourceForm.waitFor({ state: 'detached' });

    // The claim, first without a source: the form says so at the field and sends nothing.
    await openAdd(page, 'claim');
    const claimForm = page.getByTestId('claim-form');
    await claimForm.locator('select[name=type]').selectOption('MEMBER_OF');
    await claimForm.locator('select[name=source]').selectOption(START);
    await claimForm.locator('select[name=target]').selectOption(END);
    await claimForm.locator('[name=from]').fill('2017-03');
    await claimForm.locator('[name=credibility]').selectOption('2');
    await claimForm.getByTestId('curation-save').click();
    const sourcesError = claimForm.locator('[data-field=sources]').getByTestId('error-sources');
    await expect(sourcesError.textContent()).resolves.toBe('must cite at least one source');
    expect(writes).toHaveLength(0);

    // Cite the new source, found by its title, and save.
    await claimForm.getByTestId('cite-search').fill('Liwa Omar joins');
    await claimForm.getByTestId('cite-results').getByRole('button', { name: SOURCE_TITLE }).click();
    await expect(claimForm.getByTestId('cited-sources').textContent()).resolves.toContain(SOURCE_TITLE);
    await expect(claimForm.getByTestId('error-sources').count()).resolves.toBe(0);
    const added = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/relationships' && r.request().method() === 'POST',
    );
    await claimForm.getByTestId('curation-save').click();
    const addedAnswer = await added;
    expect([200, 201]).toContain(addedAnswer.status());
    const { id: claimId } = (await addedAnswer.json()) as { id: string };
    await claimForm.waitFor({ state: 'detached' });
    expect(writes).toHaveLength(1);

    // The canvas shows the claim with its grade.
    await page.waitForFunction((i) => window.__atlas.edgeIds().includes(i), claimId);
    await waitForLabel(page, claimId, 'B2');

    // Correct it: credibility 3.
    await clickElement(page, claimId);
    const details = page.getByTestId('details-panel');
    await details.getByTestId('details-correct').click();
    const correction = page.getByTestId('claim-form');
    await expect(correction.locator('[name=credibility]').inputValue()).resolves.toBe('2');
    await expect(correction.locator('select[name=type]').isDisabled()).resolves.toBe(true);
    await correction.locator('[name=credibility]').selectOption('3');
    await correction.locator('[name=reason]').fill('a second report only says it is possible');
    const corrected = page.waitForResponse(
      (r) => new URL(r.url()).pathname === `/api/relationships/${claimId}` && r.request().method() === 'PATCH',
    );
    await correction.getByTestId('curation-save').click();
    expect((await corrected).status()).toBe(200);
    await correction.waitFor({ state: 'detached' });
    await waitForLabel(page, claimId, 'B3');
    expect(await edgeLabel(page, claimId)).not.toContain('B2');

    // As known just before the correction (its history's "As known before this"): B2 again. The
    // correction was made the day the claim was added, so only an instant, not a day, shows B2.
    const correctionChange = details.locator('[data-testid=history-change][data-action=corrected]');
    await correctionChange.waitFor();
    await correctionChange.getByTestId('known-before').click();
    await settled(page);
    await waitForLabel(page, claimId, 'B2');
    expect(await edgeLabel(page, claimId)).not.toContain('B3');
    // While the view shows the past, nothing offers to edit what is drawn (it may be an ended version).
    await details.getByTestId('curation-past').waitFor();
    await page.getByTestId('known-on-now').click();
    await waitForLabel(page, claimId, 'B3');

    // Regrade the source A ("completely reliable"): the claim reads A3.
    await openAdd(page, 'source', 'correct-source');
    const finder = page.getByTestId('source-correction');
    await finder.getByTestId('cite-search').fill('Liwa Omar joins');
    await finder.getByTestId('cite-results').getByRole('button', { name: SOURCE_TITLE }).click();
    await finder.getByTestId('curation-save').click();
    const regrade = page.getByTestId('source-form');
    await expect(regrade.locator('[name=title]').inputValue()).resolves.toBe(SOURCE_TITLE);
    await expect(regrade.locator('[name=reliability]').inputValue()).resolves.toBe('B');
    await regrade.locator('[name=reliability]').selectOption('A');
    await regrade.locator('[name=reason]').fill('its reporter was there');
    await regrade.getByTestId('curation-save').click();
    await regrade.waitFor({ state: 'detached' });
    await waitForLabel(page, claimId, 'A3');

    // Retract it from the link's menu: a reason is required; then the claim leaves the canvas.
    await clickElement(page, claimId, { button: 'right' });
    await page.getByTestId('menu-retract').click();
    const retraction = page.getByTestId('retract-form');
    await retraction.getByTestId('curation-save').click();
    await expect(retraction.getByTestId('error-reason').textContent()).resolves.toMatch(/say why/);
    await retraction.locator('[name=reason]').fill('the second report was withdrawn');
    await retraction.getByTestId('curation-save').click();
    await retraction.waitFor({ state: 'detached' });
    await page.waitForFunction((i) => !window.__atlas.edgeIds().includes(i), claimId);

    expect(errors).toEqual([]);
    await pointerAway(page);
    await suite.shot(page, 'curation-known-before-correction');
  });

  it('lists the held node a new one may duplicate, with its score, before writing anything', async () => {
    const { page, errors } = await suite.open();
    const nodeWrites: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/nodes') nodeWrites.push(r.url());
    });
    await openAdd(page, 'node');
    const form = page.getByTestId('node-form');
    await form.locator('[name=name]').fill('Army of Victory');
    await form.getByTestId('curation-save').click();
    // No source cited: said at the field, nothing asked.
    await expect(form.getByTestId('error-sources').textContent()).resolves.toBe('must cite at least one source');
    await form.getByTestId('cite-search').fill('Jaysh al-Nasr');
    await form.getByTestId('cite-results').getByRole('button').first().click();
    await form.getByTestId('curation-save').click();
    const list = form.getByTestId('match-list');
    await list.waitFor();
    const held = list.locator('[data-match-id=jaysh-al-nasr]');
    await expect(held.count()).resolves.toBe(1);
    await expect(held.getByTestId('match-score').textContent()).resolves.toMatch(/^\d{1,3}%$/);
    expect(nodeWrites).toEqual([]);
    await suite.shot(page, 'curation-match-list');
    await form.getByTestId('curation-cancel').click();
    await form.waitFor({ state: 'detached' });
    expect(nodeWrites).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('merges a new node into the held one it duplicates (its other names become aliases), then edits the held node', async () => {
    const { page, errors } = await suite.open();
    await openAdd(page, 'node');
    const form = page.getByTestId('node-form');
    await form.locator('[name=name]').fill('Army of Victory');
    await form.locator('[name=aliases]').fill('Victory Army Brigades');
    await form.getByTestId('cite-search').fill('Jaysh al-Nasr');
    await form.getByTestId('cite-results').getByRole('button').first().click();
    await form.getByTestId('curation-save').click();
    const merged = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/nodes/jaysh-al-nasr/merge');
    await form.locator('[data-match-id=jaysh-al-nasr]').getByTestId('match-merge').click();
    expect((await merged).status()).toBe(200);
    await form.waitFor({ state: 'detached' });
    await page.waitForFunction(() => window.__atlas.nodeIds().includes('jaysh-al-nasr'));
    const held = (await pageRequest(page, '/api/nodes/jaysh-al-nasr')).body as { node: { aliases: string[] } };
    expect(held.node.aliases).toContain('Victory Army Brigades');

    // Edit it from the details panel: prefilled from what is held, saved with a reason.
    await settled(page);
    await clickElement(page, 'jaysh-al-nasr');
    await page.getByTestId('details-panel').getByTestId('details-edit').click();
    const edit = page.getByTestId('node-form');
    await expect(edit.locator('[name=name]').inputValue()).resolves.toBe('Jaysh al-Nasr');
    await expect(edit.locator('[name=aliases]').inputValue()).resolves.toContain('Victory Army Brigades');
    await edit.locator('[name=description]').fill('An operations room of Free Syrian Army factions in Hama.');
    await edit.locator('[name=reason]').fill('a shorter description');

    // Meanwhile someone else edits it: saving is refused, nothing is overwritten, and Reload offers what is held now.
    const other = await editElsewhere(page, 'jaysh-al-nasr', 'Edited elsewhere.');
    expect(other).toBe(200);
    await edit.getByTestId('curation-save').click();
    await expect(edit.getByTestId('curation-error').textContent()).resolves.toMatch(/Someone changed this/);
    await edit.getByTestId('curation-reload').click();
    // The form is opened again from what is held (once it has been read).
    await expect
      .poll(() => edit.locator('[name=description]').inputValue(), { timeout: 10_000 })
      .toBe('Edited elsewhere.');
    await edit.locator('[name=description]').fill('An operations room of Free Syrian Army factions in Hama.');
    await edit.locator('[name=reason]').fill('a shorter description');
    const edited = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/nodes/jaysh-al-nasr' && r.request().method() === 'PATCH',
    );
    await edit.getByTestId('curation-save').click();
    expect((await edited).status()).toBe(200);
    await edit.waitFor({ state: 'detached' });
    const after = (await pageRequest(page, '/api/nodes/jaysh-al-nasr')).body as { node: { description: string } };
    expect(after.node.description).toBe('An operations room of Free Syrian Army factions in Hama.');
    // The browser logs the refused save's 409 itself; nothing else went wrong.
    expect(errorsBut(errors, 409)).toEqual([]);
  });
  it('adds a node and links it to the held one as the same entity, citing its sources', async () => {
    const { page, errors } = await suite.open();
    await openAdd(page, 'node');
    const form = page.getByTestId('node-form');
    await form.locator('[name=name]').fill('Victory Army');
    await form.getByTestId('cite-search').fill('Jaysh al-Nasr');
    await form.getByTestId('cite-results').getByRole('button').first().click();
    await form.getByTestId('curation-save').click();
    const linked = page.waitForResponse((r) => /\/api\/nodes\/[^/]+\/same-as$/.test(new URL(r.url()).pathname));
    await form.locator('[data-match-id=jaysh-al-nasr]').getByTestId('match-same').click();
    const answer = await linked;
    expect(answer.status()).toBe(201);
    const added = decodeURIComponent(new URL(answer.url()).pathname.split('/')[3]!);
    expect(added).not.toBe('jaysh-al-nasr');
    await form.waitFor({ state: 'detached' });
    // Both nodes drawn, joined by the SAME_AS claim.
    await page.waitForFunction(
      (id) =>
        window.__atlas
          .edges()
          .some(
            (e) => e.type === 'SAME_AS' && [e.source, e.target].sort().join() === [id, 'jaysh-al-nasr'].sort().join(),
          ),
      added,
    );
    expect(errors).toEqual([]);
  });
});

/** Edits a node's description through the API, as another analyst's page would: answers the status. */
async function editElsewhere(page: Page, id: string, description: string): Promise<number> {
  const { body } = await pageRequest(page, `/api/nodes/${id}`);
  const { node, sources } = body as { node: Record<string, unknown>; sources: { id: string }[] };
  const keys = [
    'label',
    'id',
    'name',
    'aliases',
    'kind',
    'founded',
    'foundedQualifier',
    'dissolved',
    'dissolvedQualifier',
  ];
  const record = Object.fromEntries(keys.filter((k) => node[k] != null).map((k) => [k, node[k]]));
  const basedOn = (node.changedAt ?? node.recordedAt ?? 'imported') as string;
  const payload = { node: { ...record, description, sources: sources.map((s) => s.id) }, basedOn };
  return (await pageRequest(page, `/api/nodes/${id}`, 'PATCH', payload)).status;
}
