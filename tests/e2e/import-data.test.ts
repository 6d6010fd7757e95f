/**
 * Importing data from the UI (issue 11), in Chromium with sign-in on: the user menu's "Import data…"
 * (analysts and admins; a viewer is not offered it) opens a dialog where a small file dropped on it is
 * written at once and its summary shown; a refused file lists its problems by path (the first 100, saying
 * when there are more) and nothing is written; a large file becomes a job whose progress bar is polled
 * to its total, then listed in Recent imports, and rolled back from there (asked first), after which
 * the database no longer holds its nodes. A job cut off (its command-line import killed) shows as cut
 * off, Resume finishes it, and its Roll back is offered only to admins (it is not the analyst's).
 * Keys typed in the dialog never reach the canvas shortcuts.
 * Committed batches of 2,500 rows make a ~6,000-item file a job quickly.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ImportJob, importJob } from '../../contract/importJob.ts';
import { createTestUser } from '../support/auth.ts';
import { errorsBut, openUserMenu, pageRequest, signIn } from '../support/authPage.ts';
import { appInBrowser } from '../support/e2eSuite.ts';
import { largeFile, startImportCli } from '../support/largeImport.ts';

const suite = appInBrowser({ auth: { mode: 'on' }, importBatches: { commitRows: 2_500 } });
const ANALYST = 'imports-analyst';
const VIEWER = 'imports-viewer';
const files = mkdtempSync(join(tmpdir(), 'atlas-import-ui-'));

beforeAll(async () => {
  await createTestUser(suite.db(), ANALYST, 'analyst');
  await createTestUser(suite.db(), VIEWER, 'viewer');
});

/** Writes `content` as JSON to a temp file named `name`; answers its path. */
function tempFile(name: string, content: unknown): string {
  const path = join(files, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
}

/** Signs in as the analyst and opens the Import data dialog from the user menu. */
async function openImports(): Promise<{ page: Page; errors: string[] }> {
  const opened = await suite.open('/');
  await signIn(opened.page, ANALYST);
  await openUserMenu(opened.page);
  await opened.page.getByTestId('open-imports').click();
  await opened.page.getByTestId('imports-panel').waitFor();
  return opened;
}

/** Import…, then (once the dry run's preview shows) Import: the file is written only then. */
async function confirmImport(page: Page, timeout = 30_000): Promise<void> {
  await page.getByTestId('imports-start').click();
  await page.getByTestId('imports-confirm').click({ timeout });
}

const nodeStatus = async (page: Page, id: string) => (await pageRequest(page, `/api/nodes/${id}`)).status;
const text = async (page: Page, testid: string) => ((await page.getByTestId(testid).textContent()) ?? '').trim();

describe('importing a small file', () => {
  it('dropped on the dialog, is written at once and its summary says what it held and changed', async () => {
    const { page, errors } = await openImports();
    const json = JSON.stringify(largeFile(3, 'ui-small'));
    const dropped = await page.evaluateHandle((content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], 'ui-small.json', { type: 'application/json' }));
      return transfer;
    }, json);
    await page.getByTestId('imports-panel').dispatchEvent('dragover', { dataTransfer: dropped });
    await page.getByTestId('imports-panel').dispatchEvent('drop', { dataTransfer: dropped });
    await expect.poll(() => text(page, 'imports-chosen')).toMatch(/^ui-small\.json \(/);
    await confirmImport(page);
    await page.getByTestId('imports-summary').waitFor();
    expect((await text(page, 'imports-summary')).replace(/\s+/g, ' ')).toMatch(
      /^ui-small\.json held 4 nodes, 3 relationships, 1 source; 5 nodes and sources created, 3 relationships created, [\d,]+ properties set\.$/,
    );
    await expect(text(page, 'imports-stale')).resolves.toContain('Re-run your search or expand again');
    expect(await nodeStatus(page, 'ui-small-brigade-0')).toBe(200);
    await suite.shot(page, 'import-data-small');
    expect(errorsBut(errors, 401)).toEqual([]);
  });

  it('keeps keys typed in the dialog from the canvas shortcuts, and Escape closes it', async () => {
    const { page } = await openImports();
    await page.getByTestId('imports-start').focus();
    await page.keyboard.press('?');
    await expect(page.getByTestId('help').evaluate((d) => (d as HTMLDialogElement).open)).resolves.toBe(false);
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.getByTestId('imports-panel').evaluate((d) => (d as HTMLDialogElement).open))
      .toBe(false);
  });
});

describe('checking a file before it is written (issue 12)', () => {
  it('lists the held Jaysh al-Nasr beside a new "Army of Victory", and writes nothing until Import', async () => {
    const { page, errors } = await openImports();
    const file = {
      sources: [{ id: 'ui-dry-article', name: 'An article', title: 'Army of Victory in Hama', reliability: 'C' }],
      nodes: [{ label: 'Faction', id: 'ui-army-of-victory', name: 'Army of Victory', sources: ['ui-dry-article'] }],
      relationships: [
        {
          id: 'ui-army-of-victory-member-of-fsa',
          type: 'MEMBER_OF',
          source: 'ui-army-of-victory',
          target: 'free-syrian-army',
          sources: ['ui-dry-article'],
        },
      ],
    };
    await page.getByTestId('imports-file').setInputFiles(tempFile('ui-army.json', file));
    await page.getByTestId('imports-start').click();
    await page.getByTestId('imports-preview').waitFor();
    expect((await text(page, 'imports-would-change')).replace(/\s+/g, ' ')).toMatch(
      /would have 1 source, 1 node, 1 relationship created\.$/,
    );
    const row = page.locator('[data-testid=imports-duplicate]', { hasText: 'jaysh-al-nasr' });
    await expect(row.getByTestId('imports-duplicate-incoming').textContent()).resolves.toBe(
      'Army of Victory (ui-army-of-victory)',
    );
    await expect(row.getByTestId('imports-duplicate-existing').textContent()).resolves.toBe(
      'Jaysh al-Nasr (jaysh-al-nasr)',
    );
    await expect(row.getByTestId('imports-duplicate-score').textContent()).resolves.toMatch(/^\d+ %$/);
    await suite.shot(page, 'import-data-dry-run');
    // Nothing written yet, nor after Cancel.
    expect(await nodeStatus(page, 'ui-army-of-victory')).toBe(404);
    await page.getByTestId('imports-cancel').click();
    await expect(page.getByTestId('imports-preview').count()).resolves.toBe(0);
    expect(await nodeStatus(page, 'ui-army-of-victory')).toBe(404);

    await confirmImport(page);
    await page.getByTestId('imports-summary').waitFor();
    expect(await nodeStatus(page, 'ui-army-of-victory')).toBe(200);
    expect(errorsBut(errors, 401, 404)).toEqual([]);
  });

  it('with no possible duplicates says so, and Import still writes it', async () => {
    const { page } = await openImports();
    const lone = {
      sources: [{ id: 'ui-lone-register', name: 'A register', title: null }],
      nodes: [
        { label: 'Faction', id: 'ui-lone-brigade-0', name: 'Qwzx Vellum Collective', sources: ['ui-lone-register'] },
      ],
      relationships: [],
    };
    await page.getByTestId('imports-file').setInputFiles(tempFile('ui-lone.json', lone));
    await page.getByTestId('imports-start').click();
    await page.getByTestId('imports-no-duplicates').waitFor();
    expect(await nodeStatus(page, 'ui-lone-brigade-0')).toBe(404);
    await page.getByTestId('imports-confirm').click();
    await page.getByTestId('imports-summary').waitFor();
    expect(await nodeStatus(page, 'ui-lone-brigade-0')).toBe(200);
  });
});

describe('a refused file', () => {
  it('lists every problem with its path, and nothing is written', async () => {
    const { page, errors } = await openImports();
    const file = largeFile(3, 'ui-bad');
    file.nodes[0]!.sources = ['no-such-source'];
    file.relationships[1]!.target = 'ghost-brigade';
    await page.getByTestId('imports-file').setInputFiles(tempFile('ui-bad.json', file));
    await page.getByTestId('imports-start').click();
    await page.getByTestId('imports-problems').waitFor();
    const paths = await page.getByTestId('imports-problem-path').allTextContents();
    expect(paths.sort()).toEqual(['nodes[0].sources[0]', 'relationships[1].target']);
    await suite.shot(page, 'import-data-refused');
    await expect(text(page, 'imports-problems-heading')).resolves.toBe('2 problems. Nothing was written.');
    for (const id of ['ui-bad-brigade-0', 'ui-bad-brigade-3']) expect(await nodeStatus(page, id)).toBe(404);
    expect(await page.getByTestId('imports-stale').count()).toBe(0);
    expect(errorsBut(errors, 400, 401, 404)).toEqual([]);
  });

  it('with more problems than the server names lists the first 100 and says there are more', async () => {
    const { page } = await openImports();
    const file = largeFile(150, 'ui-many');
    for (const r of file.relationships) r.target = 'ghost-brigade';
    await page.getByTestId('imports-file').setInputFiles(tempFile('ui-many.json', file));
    await page.getByTestId('imports-start').click();
    await page.getByTestId('imports-problems').waitFor();
    await expect(page.getByTestId('imports-problem-path').count()).resolves.toBe(100);
    await expect(text(page, 'imports-problems-heading')).resolves.toBe(
      'More than 100 problems; the first 100 are listed. Nothing was written.',
    );
    expect(await nodeStatus(page, 'ui-many-brigade-0')).toBe(404);
  });
});

describe('a large file', { timeout: 240_000 }, () => {
  const TOTAL = 1 + 3_001 + 3_000;

  it('becomes a job whose progress is shown to its end, is listed, and is rolled back when asked', async () => {
    const { page, errors } = await openImports();
    await page.getByTestId('imports-file').setInputFiles(tempFile('ui-large.json', largeFile(3_000, 'ui')));
    await confirmImport(page, 120_000);
    await page.getByTestId('imports-progress').waitFor();
    await expect(page.getByTestId('imports-progress').getAttribute('max')).resolves.toBe(String(TOTAL));
    await expect(text(page, 'imports-progress-text')).resolves.toMatch(/^[\d,]+ of 6,002 items$/);
    // A picture mid-way (looked at by a person, not asserted): once the first batch is committed.
    await page.waitForFunction(
      () => (document.querySelector('[data-testid=imports-progress]') as HTMLProgressElement | null)?.value,
      null,
      { timeout: 180_000, polling: 100 },
    );
    await suite.shot(page, 'import-data-progress');

    // Polled every second until every batch is committed: the bar reaches the total.
    await expect
      .poll(() => page.getByTestId('imports-progress').evaluate((p) => (p as HTMLProgressElement).value), {
        timeout: 180_000,
        interval: 500,
      })
      .toBe(TOTAL);
    await expect(text(page, 'imports-progress-text')).resolves.toBe('6,002 of 6,002 items');
    await expect.poll(() => text(page, 'imports-status')).toBe('done');
    await expect(text(page, 'imports-job-outcome')).resolves.toBe('Done: 6,002 items written from ui-large.json.');
    await expect(text(page, 'imports-stale')).resolves.toContain('Re-run your search or expand again');
    expect(await nodeStatus(page, 'ui-brigade-0')).toBe(200);

    const row = page.locator('[data-testid=imports-job]', { hasText: 'ui-large.json' });
    await expect.poll(() => row.getByTestId('imports-job-status').textContent()).toBe('done');
    await expect(row.locator('td').nth(2).textContent()).resolves.toBe(ANALYST);
    await expect(row.getByTestId('imports-resume').count()).resolves.toBe(0);

    // Roll back: asked first, then followed until rolled back.
    await row.getByTestId('imports-rollback').click();
    await expect(row.getByTestId('imports-rollback-question').textContent()).resolves.toBe(
      'Roll back this import? What it created is deleted and what it overwrote is restored; nodes that later imports link to are kept.',
    );
    await suite.shot(page, 'import-data-rollback-question');
    await row.getByTestId('imports-rollback-confirm').click();
    await expect
      .poll(() => row.getByTestId('imports-job-status').textContent(), { timeout: 180_000, interval: 500 })
      .toBe('rolled back');
    for (const id of ['ui-brigade-0', 'ui-brigade-1500', 'ui-brigade-3000'])
      expect(await nodeStatus(page, id)).toBe(404);
    await expect(row.getByTestId('imports-rollback').count()).resolves.toBe(0);
    await expect(row.getByTestId('imports-kept').count()).resolves.toBe(0);
    await expect(row.getByTestId('imports-job-progress').count()).resolves.toBe(0);
    await expect(text(page, 'imports-job-outcome')).resolves.toBe(
      'Rolled back: what it created is deleted and what it overwrote is restored.',
    );
    await suite.shot(page, 'import-data-rolled-back');
    expect(errorsBut(errors, 401, 404)).toEqual([]);
  });
});

describe('a job cut off', { timeout: 240_000 }, () => {
  const ROWS = 2_500;
  const TOTAL = 1 + 6_001 + 6_000;

  it('shows as cut off, and Resume finishes it from the file the server kept', async () => {
    const child = startImportCli(tempFile('ui-cut.json', largeFile(6_000, 'ui-cut')), {
      leaseMs: 2_000,
      commitRows: ROWS,
    });
    let id = '';
    for (let i = 0; ; i++) {
      const [row] = await suite
        .db()
        .runAdmin("MATCH (j:ImportJob {fileName: 'ui-cut.json'}) RETURN j.id AS id, j.done AS done");
      if (row && Number(row.done) >= ROWS) {
        id = String(row.id);
        break;
      }
      if (i > 1_200) throw new Error('the command-line import never committed a batch');
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    const { page, errors } = await openImports();
    const job = async () => importJob.parse((await pageRequest(page, `/api/imports/${id}`)).body) as ImportJob;
    await expect.poll(async () => (await job()).interrupted, { timeout: 60_000, interval: 500 }).toBe(true);
    expect((await job()).done).toBeLessThan(TOTAL);
    await page.getByTestId('imports-refresh').click();
    const row = page.locator(`[data-testid=imports-job][data-job="${id}"]`);
    await expect
      .poll(() => row.getByTestId('imports-job-status').textContent())
      .toBe('cut off — waiting to be resumed');
    // Whoever ran it (the command line's operator) or an admin may roll it back: not this analyst.
    await expect(row.getByTestId('imports-rollback').count()).resolves.toBe(0);
    await suite.shot(page, 'import-data-cut-off');

    await row.getByTestId('imports-resume').click();
    await expect
      .poll(() => row.getByTestId('imports-job-status').textContent(), { timeout: 180_000, interval: 500 })
      .toBe('done');
    await expect(row.getByTestId('imports-job-progress-text').textContent()).resolves.toBe('12,002 of 12,002 items');
    await expect(text(page, 'imports-stale')).resolves.toContain('Re-run your search or expand again');
    for (const n of [0, 6_000]) expect(await nodeStatus(page, `ui-cut-brigade-${n}`)).toBe(200);
    expect(errorsBut(errors, 401)).toEqual([]);
  });
});

describe('a viewer', () => {
  it('is not offered Import data…', async () => {
    const { page, errors } = await suite.open('/');
    await signIn(page, VIEWER);
    await openUserMenu(page);
    await expect(page.getByTestId('user-role').textContent()).resolves.toBe('viewer');
    await expect(page.getByTestId('open-imports').count()).resolves.toBe(0);
    expect(errorsBut(errors, 401)).toEqual([]);
  });
});
