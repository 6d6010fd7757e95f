/**
 * A source url stored before imports checked it (or written into the database by hand) is shown as a
 * link only when it is http(s): a javascript: url is never a link an analyst could click, in the
 * source's search card or in the sources of a node's details.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { searchAndChoose } from '../support/atlasPage.ts';
import { e2eSuite } from '../support/e2eSuite.ts';
import { connectTestDatabase } from '../support/fixtures.ts';

const suite = e2eSuite();
const db = connectTestDatabase();
afterAll(() => db.close());

const storeUrl = (url: string) => db.runAdmin('MATCH (s:Source {id: "ref-4"}) SET s.url = $url', { url });

describe('stored source urls', () => {
  it.each([
    ['javascript:alert(document.domain)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    [
      'https://jamestown.org/program/commanding-the-jaysh-al-nasr-coalition/',
      'https://jamestown.org/program/commanding-the-jaysh-al-nasr-coalition/',
    ],
  ])('shows %s as a link only when it is http(s)', async (url, link) => {
    await storeUrl(url);
    const { page, errors } = await suite.open();

    await page.fill('[data-testid=search-input]', 'Heras');
    await page.locator('#search-results [role=option][data-id=ref-4]').click();
    const card = page.locator('[data-testid=search-source-card]');
    await card.locator('.meta').waitFor();
    await expect(card.locator('a[href]').count()).resolves.toBe(link ? 1 : 0);
    if (link) await expect(card.locator('a[href]').getAttribute('href')).resolves.toBe(link);

    await searchAndChoose(page, 'Jaysh al-Nasr', 'Jaysh al-Nasr');
    const cited = page.locator('#details li.source[data-source-id=ref-4]');
    await cited.waitFor();
    await expect(cited.locator('a[href]').count()).resolves.toBe(link ? 1 : 0);
    await expect(page.locator('a[href^="javascript:" i], a[href^="data:" i]').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });
});
