/**
 * Console results in the browser: every value shown as its kind (64-bit integers sorted by value and
 * exported as plain numbers, 1.0 a float, a date a date), a path walked against a relationship said
 * in the relationship's direction, the plan of EXPLAIN and the profile of PROFILE in a Plan tab, and
 * results of thousands of rows or nodes that never block the page: a page of rows at a time, at most
 * 1,000 nodes on the canvas until the analyst asks for all.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { settled } from '../support/atlasPage.ts';
import { answered, column, csvLines, openConsole, sortBy, typeAndRun } from '../support/consolePage.ts';
import { e2eSuite } from '../support/e2eSuite.ts';
import { connectTestDatabase } from '../support/fixtures.ts';

const suite = e2eSuite();
const db = connectTestDatabase();
afterAll(() => db.close());

const kinds = (page: import('playwright-core').Page, row: number) =>
  page
    .locator('[data-testid=console-table] tbody tr')
    .nth(row)
    .locator('td')
    .evaluateAll((tds) => tds.map((td) => td.getAttribute('data-kind')));

describe('console values in the table', () => {
  it('sorts 64-bit integers by value among the other numbers and exports every number without an apostrophe', async () => {
    const { page, errors } = await suite.open();
    await openConsole(page);
    await typeAndRun(
      page,
      "RETURN -9223372036854775808 AS n, 'smallest' AS what UNION RETURN 2 AS n, 'two' AS what UNION RETURN 1.0 AS n, 'one' AS what UNION RETURN -5 AS n, 'minus five' AS what",
    );
    await page.locator('[data-testid=console-table] tbody tr').nth(3).waitFor();
    expect(await column(page, 0)).toEqual(['-9223372036854775808', '2', '1.0', '-5']);

    await sortBy(page, 'n');
    expect(await column(page, 1)).toEqual(['smallest', 'minus five', 'one', 'two']);
    await sortBy(page, 'n');
    expect(await column(page, 1)).toEqual(['two', 'one', 'minus five', 'smallest']);

    expect(await csvLines(page)).toEqual([
      'n,what',
      '2,two',
      '1.0,one',
      '-5,minus five',
      '-9223372036854775808,smallest',
    ]);
    expect(errors).toEqual([]);
  });

  it('shows floats, dates, durations, points, lists and maps as what they are', async () => {
    const { page, errors } = await suite.open();
    await openConsole(page);
    await typeAndRun(
      page,
      "RETURN 1.0 AS f, 0.0 / 0.0 AS nan, date('2018-02-09') AS day, '2018-02-09' AS text, duration('P1D') AS d, point({x: 1, y: 2}) AS p, [1, 1.0, date('2015-10-01')] AS list, {when: date('2015-10-01'), n: 3} AS map",
    );
    await page.locator('[data-testid=console-table] tbody tr').first().waitFor();
    expect(await kinds(page, 0)).toEqual(['float', 'float', 'date', 'string', 'duration', 'point', 'list', 'map']);
    const cells = await page.locator('[data-testid=console-table] tbody tr td').allTextContents();
    expect(cells.map((t) => t.replace(/\s+/g, ' ').trim())).toEqual([
      '1.0',
      'NaN',
      '2018-02-09 date',
      '2018-02-09',
      'P1D duration',
      'point({srid: 7203, x: 1, y: 2}) point',
      '[1, 1.0, date("2015-10-01")]',
      '{when: date("2015-10-01"), n: 3}',
    ]);
    await suite.shot(page, 'console-kinds');
    expect(errors).toEqual([]);
  });

  it('says a path walked against a relationship in the relationship’s own direction', async () => {
    const { page } = await suite.open();
    await openConsole(page);
    await typeAndRun(
      page,
      "MATCH p = (j:Faction {id: 'jaysh-al-nasr'})<-[:MEMBER_OF]-(x:Person {id: 'alaa-rakhmon'}) RETURN p",
    );
    await page.locator('[data-testid=console-table] tbody tr').first().waitFor();
    const [name] = await db.runAdmin("MATCH (x {id: 'alaa-rakhmon'}) RETURN x.name AS name");
    expect(await column(page, 0)).toEqual([`Jaysh al-Nasr <-[MEMBER_OF]- ${name?.name}`]);
  });
});

describe('EXPLAIN and PROFILE in the console', () => {
  it('show the profile with rows and database hits, or the plan, in a Plan tab', async () => {
    const { page, errors } = await suite.open();
    await openConsole(page);
    await typeAndRun(page, 'PROFILE MATCH (f:Faction)<-[:MEMBER_OF]-(x) RETURN f.name AS faction, count(x) AS members');
    const plan = page.getByTestId('console-plan');
    await plan.waitFor();
    await expect(page.getByTestId('console-tab-plan').getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.getByTestId('console-plan-head').textContent()).resolves.toMatch(
      /Profile: as run, [\d,]+ database hits in all/,
    );
    const headers = await plan.locator('thead th').allTextContents();
    expect(headers.map((h) => h.trim())).toEqual(['Operator', 'Details', 'Estimated rows', 'Rows', 'DB hits']);
    const operators = await plan.locator('tbody td:first-child').allTextContents();
    expect(operators[0]?.trim()).toBe('ProduceResults');
    expect(operators.some((o) => /Expand|Scan/.test(o))).toBe(true);
    await suite.shot(page, 'console-profile');
    // The rows are there too.
    await page.getByTestId('console-tab-table').click();
    expect((await column(page, 0)).length).toBeGreaterThan(0);

    await typeAndRun(page, 'EXPLAIN MATCH (f:Faction) RETURN f');
    await page.getByTestId('console-plan-head').filter({ hasText: 'not run' }).waitFor();
    const explained = await plan.locator('thead th').allTextContents();
    expect(explained.map((h) => h.trim())).toEqual(['Operator', 'Details', 'Estimated rows']);
    await page.getByTestId('console-tab-table').click();
    await expect(page.getByTestId('console-no-rows').textContent()).resolves.toMatch(
      /No rows\. EXPLAIN plans without running/,
    );
    expect(errors).toEqual([]);
  });
});

describe('a console result of thousands', () => {
  it('shows 3,000 rows a page at a time, sorted and exported whole', async () => {
    const { page, errors } = await suite.open();
    await openConsole(page);
    await typeAndRun(page, "UNWIND range(1, 3000) AS i RETURN i, 'row ' + i AS label");
    await answered(page);
    const rows = page.locator('[data-testid=console-table] tbody tr');
    await rows.first().waitFor();
    await expect(page.getByTestId('console-summary').textContent()).resolves.toMatch(/^\s*3,000 rows/);
    await expect(rows.count()).resolves.toBe(200);
    await expect(page.getByTestId('console-more').textContent()).resolves.toMatch(/Showing 200 rows of 3,000/);

    // Scrolling to the end of the table brings the next page; so does the button.
    await page.getByTestId('console-results').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=console-table] tbody tr').length === 400);
    // The click itself may scroll the pane to its end, which brings a page of its own: at least one more.
    await page.getByTestId('console-show-more').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=console-table] tbody tr').length >= 600);
    expect((await rows.count()) % 200).toBe(0);

    // Sorting and the CSV cover every row, not only those in the page.
    await sortBy(page, 'i');
    await sortBy(page, 'i');
    expect((await column(page, 0)).slice(0, 2)).toEqual(['3000', '2999']);
    const lines = await csvLines(page);
    expect(lines).toHaveLength(3001);
    expect(lines.at(-1)).toBe('1,row 1');
    await suite.shot(page, 'console-3000-rows');
    expect(errors).toEqual([]);
  });

  it('draws at most 1,000 of 3,000 nodes on the canvas until the analyst asks for all', async () => {
    await db.runAdmin(
      "UNWIND range(1, 3000) AS i CREATE (:Faction:Entity {id: 'bulk-' + i, name: 'Bulk faction ' + i, sources: []})",
    );
    try {
      const { page, errors } = await suite.open();
      await openConsole(page);
      await typeAndRun(page, "MATCH (f:Faction) WHERE f.id STARTS WITH 'bulk-' RETURN f.name AS name, f ORDER BY f.id");
      await answered(page);
      await page.locator('[data-testid=console-table] tbody tr').first().waitFor();
      await expect(page.locator('[data-testid=console-table] tbody tr').count()).resolves.toBe(200);
      const capped = page.getByTestId('console-capped');
      await expect(capped.textContent()).resolves.toMatch(
        /The canvas shows the first 1,000 nodes of the 3,000 in this result/,
      );
      await expect(page.getByTestId('console-draw-all').textContent()).resolves.toMatch(/Draw all 3,000 on the canvas/);
      await page.waitForFunction(() => window.__atlas.nodeIds().length === 1000, null, { timeout: 120_000 });
      await settled(page, 120_000);
      await expect(page.evaluate(() => window.__atlas.nodeIds().length)).resolves.toBe(1000);
      await suite.shot(page, 'console-capped');

      await page.getByTestId('console-draw-all').click();
      await page.waitForFunction(() => window.__atlas.nodeIds().length === 3000, null, { timeout: 150_000 });
      await settled(page, 150_000);
      await expect(capped.count()).resolves.toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await db.runAdmin("MATCH (f:Faction) WHERE f.id STARTS WITH 'bulk-' DETACH DELETE f");
    }
  }, 400_000);
});
