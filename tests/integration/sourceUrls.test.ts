/**
 * A stored source `url` is safe to open by construction: an import takes http:// and https:// URLs
 * only, and refuses javascript:, data:, file: and every other scheme with 400 naming the field.
 * (The client's side, links only for http(s) in data stored before: tests/e2e/stored-source-links.)
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBody } from '../../contract/api.ts';
import { connectTestDatabase, fingerprint, freshSeededDatabase, testApp } from '../support/fixtures.ts';

const db = connectTestDatabase();
const app = testApp(db);
beforeAll(() => freshSeededDatabase(db));
afterAll(() => db.close());

const fileWithUrl = (url: string) => ({
  sources: [{ id: 'linked-report', name: 'A linked report', title: 'A linked report', url }],
});

describe('source urls', () => {
  it.each([
    'javascript:alert(document.cookie)',
    'JavaScript:alert(1)',
    '  javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'vbscript:msgbox(1)',
    'ftp://example.org/report.pdf',
    'http:example.org',
  ])('refuses %j with 400 naming sources[0].url, writing nothing', async (url) => {
    const before = await fingerprint(db);
    const response = await request(app).post('/api/import').send(fileWithUrl(url));
    expect(response.status).toBe(400);
    const { error } = errorBody.parse(response.body);
    expect(error.details).toEqual([{ path: 'sources[0].url', message: 'must be an http:// or https:// URL' }]);
    expect(await fingerprint(db)).toBe(before);
  });

  it.each([
    'https://jamestown.org/program/commanding-the-jaysh-al-nasr-coalition/',
    'http://archive.example.org/2017/report?id=4#p2',
  ])('takes %s', async (url) => {
    const response = await request(app).post('/api/import').send(fileWithUrl(url));
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const [row] = await db.runAdmin('MATCH (s:Source {id: "linked-report"}) RETURN s.url AS url');
    expect(row?.url).toBe(url);
  });
});
