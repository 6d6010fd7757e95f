/**
 * A label's whole list (GET /api/entities): every faction of the seed, the events of 2017 as the seed
 * dates them, sorting by an allow-listed column both ways with unknowns last, stable paging with the
 * total, name and kind filters; a label or sort off the allow-lists is a 400 naming the parameter, and
 * input shaped like Cypher injection changes nothing and finds nothing.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBody } from '../../contract/api.ts';
import { entityListResponse, type EntityListResponse, type EntityRow } from '../../contract/entities.ts';
import { importFile } from '../../contract/importFile.ts';
import { lifetimeOf, VALID_TIME_MAX, VALID_TIME_MIN } from '../../contract/validTime.ts';
import { readSeed } from '../../server/services/seed.ts';
import { connectTestDatabase, fingerprint, freshSeededDatabase, testApp } from '../support/fixtures.ts';

const db = connectTestDatabase();
const app = testApp(db);
const seed = importFile.parse(readSeed());
beforeAll(() => freshSeededDatabase(db));
afterAll(() => db.close());

async function list(query: Record<string, string | number>): Promise<EntityListResponse> {
  const response = await request(app).get('/api/entities').query(query);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return entityListResponse.parse(response.body);
}

async function refused(query: Record<string, string | number>): Promise<{ code: string; message: string }> {
  const response = await request(app).get('/api/entities').query(query);
  expect(response.status, JSON.stringify(response.body)).toBe(400);
  return errorBody.parse(response.body).error;
}

const ids = (rows: EntityRow[]) => rows.map((r) => r.id);
const seedNodes = (label: string) => seed.nodes.filter((n) => n.label === label);
/** Links per node id, counted from the seed's relationships. */
const seedLinks = new Map<string, number>();
for (const r of seed.relationships) {
  for (const end of [r.source, r.target]) seedLinks.set(end, (seedLinks.get(end) ?? 0) + 1);
}

describe('the whole list of a label', () => {
  it('lists every faction of the seed, by name, with its kind, stated dates and number of links', async () => {
    const factions = seedNodes('Faction');
    const answer = await list({ label: 'Faction', limit: 500 });
    expect(answer.total).toBe(factions.length);
    expect(new Set(ids(answer.rows))).toEqual(new Set(factions.map((f) => f.id)));
    const names = answer.rows.map((r) => r.name.toLowerCase());
    expect(names).toEqual([...names].sort());
    const nasr = answer.rows.find((r) => r.id === 'jaysh-al-nasr');
    expect(nasr).toMatchObject({
      label: 'Faction',
      name: 'Jaysh al-Nasr',
      kind: 'armed group',
      from: '2015-08',
      to: null,
      validFrom: '2015-08-01',
      validTo: VALID_TIME_MAX,
      links: seedLinks.get('jaysh-al-nasr'),
    });
    for (const row of answer.rows) expect(row.links, row.id).toBe(seedLinks.get(row.id) ?? 0);
  });

  it('lists the events of 2017: those the seed dates within the year, and no undated one', async () => {
    const expected = seedNodes('Event')
      .filter((e) => {
        const life = lifetimeOf(e as Record<string, unknown>);
        const dated = life.validFrom !== VALID_TIME_MIN || life.validTo !== VALID_TIME_MAX;
        return dated && life.validFrom <= '2017-12-31' && life.validTo >= '2017-01-01';
      })
      .map((e) => e.id);
    expect(expected.sort()).toEqual([
      '2017-hama-offensive',
      'assassination-of-alaa-rakhmon',
      'attack-on-jaysh-al-nasr-headquarters-near-murak',
      'killing-of-jaysh-al-nasr-prisoners-near-khan-shaykhun',
      'qalaat-al-madiq-prisoner-exchange-2017',
    ]);
    const answer = await list({ label: 'Event', from: '2017-01-01', to: '2017-12-31', sort: 'validFrom' });
    expect(answer.total).toBe(expected.length);
    expect(new Set(ids(answer.rows))).toEqual(new Set(expected));
    expect(answer.rows.find((r) => r.id === '2017-hama-offensive')).toMatchObject({
      from: '2017',
      kind: 'military offensive',
    });
    // A range that ends the day before the first of them finds none of them.
    const before = await list({ label: 'Event', from: '2017-01-01', to: '2017-02-06' });
    expect(ids(before.rows)).toEqual(['2017-hama-offensive']);
  });

  it('narrows by part of a name or alias, in any case or script, and by kind', async () => {
    expect(ids((await list({ label: 'Faction', q: 'NASR' })).rows)).toEqual(['jaysh-al-nasr']);
    expect(ids((await list({ label: 'Faction', q: 'جيش النصر' })).rows)).toEqual(['jaysh-al-nasr']);
    expect(ids((await list({ label: 'Faction', q: 'faylaq' })).rows)).toEqual(['sham-legion']);
    const armed = await list({ label: 'Faction', kind: 'armed group', limit: 500 });
    const expected = seedNodes('Faction').filter((f) => (f as { kind?: string }).kind === 'armed group');
    expect(new Set(ids(armed.rows))).toEqual(new Set(expected.map((f) => f.id)));
    expect(armed.total).toBe(expected.length);
  });
});

describe('sorting', () => {
  it('sorts events by date both ways, the undated last either way', async () => {
    const asc = (await list({ label: 'Event', sort: 'validFrom', order: 'asc' })).rows;
    const desc = (await list({ label: 'Event', sort: 'validFrom', order: 'desc' })).rows;
    const known = (rows: EntityRow[]) => rows.filter((r) => r.validFrom !== VALID_TIME_MIN);
    const unknown = (rows: EntityRow[]) => rows.filter((r) => r.validFrom === VALID_TIME_MIN);
    expect(known(asc).map((r) => r.validFrom)).toEqual(
      known(asc)
        .map((r) => r.validFrom)
        .sort(),
    );
    expect(known(desc).map((r) => r.validFrom)).toEqual(
      known(asc)
        .map((r) => r.validFrom)
        .reverse(),
    );
    expect(asc.slice(known(asc).length)).toEqual(unknown(asc));
    expect(desc.slice(known(desc).length)).toEqual(unknown(desc));
    expect(unknown(asc).length).toBeGreaterThan(0);
    expect(asc[0]?.validFrom).toBe('2015-08-01');
  });

  it('sorts factions by number of links, most first or fewest first, ties by name', async () => {
    const desc = (await list({ label: 'Faction', sort: 'links', order: 'desc', limit: 500 })).rows;
    const asc = (await list({ label: 'Faction', sort: 'links', order: 'asc', limit: 500 })).rows;
    const byLinksThenName = (dir: 1 | -1) => (a: EntityRow, b: EntityRow) =>
      dir * (a.links - b.links) || (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1);
    expect(ids(desc)).toEqual(ids([...desc].sort(byLinksThenName(-1))));
    expect(ids(asc)).toEqual(ids([...asc].sort(byLinksThenName(1))));
    expect(desc[0]?.id).toBe('jaysh-al-nasr');
    expect(desc[0]?.links).toBeGreaterThan(desc.at(-1)?.links ?? 0);
  });

  it('sorts by name descending', async () => {
    const rows = (await list({ label: 'Person', sort: 'name', order: 'desc' })).rows;
    const names = rows.map((r) => r.name.toLowerCase());
    expect(names).toEqual([...names].sort().reverse());
    expect(rows).toHaveLength(seedNodes('Person').length);
  });
});

describe('paging', () => {
  it('pages through the whole list without gaps or repeats, and says the total on every page', async () => {
    const whole = ids((await list({ label: 'Faction', sort: 'links', order: 'desc', limit: 500 })).rows);
    const pages: string[] = [];
    for (let offset = 0; offset < whole.length; offset += 5) {
      const page = await list({ label: 'Faction', sort: 'links', order: 'desc', limit: 5, offset });
      expect(page.total).toBe(whole.length);
      expect(page.rows.length).toBe(Math.min(5, whole.length - offset));
      pages.push(...ids(page.rows));
    }
    expect(pages).toEqual(whole);
    const past = await list({ label: 'Faction', limit: 5, offset: 1000 });
    expect(past).toEqual({ rows: [], total: whole.length });
  });
});

describe('refused input', () => {
  it('names the parameter when the label, sort, order, dates or paging are not allowed', async () => {
    for (const label of ['Source', 'Investigation', 'faction', '']) {
      const error = await refused({ label });
      expect(error.code).toBe('BAD_REQUEST');
      expect(error.message).toContain('label');
    }
    expect((await refused({})).message).toContain('label');
    expect((await refused({ label: 'Faction', sort: 'elementId' })).message).toContain('sort');
    expect((await refused({ label: 'Faction', order: 'sideways' })).message).toContain('order');
    expect((await refused({ label: 'Event', from: '2017' })).message).toContain('from');
    expect((await refused({ label: 'Event', from: '2018-01-01', to: '2017-01-01' })).message).toContain('to');
    expect((await refused({ label: 'Event', limit: 0 })).message).toContain('limit');
    expect((await refused({ label: 'Event', offset: -1 })).message).toContain('offset');
  });

  it('keeps injection-shaped input harmless: refused where it names a label or column, found nowhere as text', async () => {
    const before = await fingerprint(db);
    await refused({ label: 'Faction) DETACH DELETE n //' });
    await refused({ label: 'Faction`:Person' });
    await refused({ label: 'Faction', sort: 'name DESC; MATCH (n) DETACH DELETE n' });
    await refused({ label: 'Faction', order: 'asc, n.id' });
    for (const q of ["') OR 1=1 //", '" OR true RETURN n //', '\\u0027 }) DETACH DELETE n', '$label']) {
      expect(await list({ label: 'Faction', q })).toEqual({ rows: [], total: 0 });
    }
    expect((await list({ label: 'Faction', kind: "armed group' OR 1=1" })).total).toBe(0);
    expect(await fingerprint(db)).toBe(before);
    expect((await list({ label: 'Faction' })).total).toBe(seedNodes('Faction').length);
  });

  it('refuses a repeated parameter instead of reading one of them', async () => {
    const response = await request(app).get('/api/entities?label=Faction&label=Person');
    expect(response.status).toBe(400);
    expect(errorBody.parse(response.body).error.message).toContain('label');
  });
});

it('answers valid time as the seed derives it', async () => {
  const rows = (await list({ label: 'Event', limit: 500 })).rows;
  for (const row of rows) {
    const node = seed.nodes.find((n) => n.id === row.id) as Record<string, unknown>;
    const life = lifetimeOf(node);
    expect({ validFrom: row.validFrom, validTo: row.validTo }, row.id).toEqual(life);
  }
});
