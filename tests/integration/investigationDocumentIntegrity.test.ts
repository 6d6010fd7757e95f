/**
 * An investigation document that contradicts itself, or carries characters that lie about its text, is
 * refused whole with a 400 naming the field, and nothing is written: two notes with one id (deleting one
 * in the UI deleted both), two provenance steps with one id, provenance naming a step that does not
 * exist; control characters in a title, description or note (NUL), and bidirectional overrides and
 * isolates in a title (U+202E makes "gpj.exe" show as "exe.jpg"). What analysts do write still saves:
 * Arabic titles, line breaks and tabs in notes.
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { seededApp } from '../support/fixtures.ts';
import { createThrough, documentOf, drawnNeighbourhood, listThrough, NASR } from '../support/investigations.ts';

const { app } = seededApp();

// biome-ignore lint/suspicious/noExplicitAny: a document spoiled one field at a time, wherever the field is
type Loose = Record<string, any>;

const at = '2026-01-05T10:00:00.000Z';
const note = (id: string, text = 'A note') => ({ id, target: { kind: 'canvas' }, text, createdAt: at, updatedAt: at });

async function spoilt(title: string, spoil: (d: Loose) => void): Promise<Loose> {
  const document = structuredClone(documentOf(await drawnNeighbourhood(app), title)) as Loose;
  spoil(document);
  return document;
}

/** POSTs `document` as a new investigation and as an import file; both must be 400 naming `field`. */
async function expectRefused(document: Loose, field: string, reason: RegExp) {
  const before = (await listThrough(app)).length;
  const created = await request(app).post('/api/investigations').send(document);
  expect(created.status, JSON.stringify(created.body)).toBe(400);
  expect(created.body.error.message).toContain(field);
  expect(created.body.error.message).toMatch(reason);
  const file = {
    format: 'faction-atlas-investigation',
    formatVersion: 1,
    exported: at,
    investigation: { ...document, snapshot: { ...document.snapshot, sources: [], takenAt: at } },
  };
  const imported = await request(app).post('/api/investigations/import').send(file);
  expect(imported.status, JSON.stringify(imported.body)).toBe(400);
  expect(imported.body.error.message).toContain(`investigation.${field}`);
  expect((await listThrough(app)).length).toBe(before);
}

describe('ids inside one document', () => {
  it('refuses two notes with one id, naming the second', async () => {
    const document = await spoilt('Twin notes', (d) => {
      d.annotations = [note('a'), note('b'), note('a')];
    });
    await expectRefused(document, 'annotations[2].id', /"a" is already used/);
  });

  it('refuses two provenance steps with one id, naming the second', async () => {
    const document = await spoilt('Twin steps', (d) => {
      d.view.steps[1].id = d.view.steps[0].id;
    });
    await expectRefused(document, 'view.steps[1].id', /already used/);
  });

  it('refuses provenance that names a step the document does not have', async () => {
    const document = await spoilt('Ghost step', (d) => {
      d.view.provenance[NASR] = ['s1', 'nowhere'];
    });
    await expectRefused(document, `view.provenance["${NASR}"][1]`, /no step has id "nowhere"/);
  });
});

describe('characters that lie about the text', () => {
  it.each([
    [
      'a NUL in the title',
      (d: Loose) => (d.title = 'Nasr\u0000 notes'),
      'title',
      /control characters \(found U\+0000\)/,
    ],
    ['a C1 control in the title', (d: Loose) => (d.title = 'Nasr\u0085'), 'title', /U\+0085/],
    ['a right-to-left override in the title', (d: Loose) => (d.title = 'Photos \u202Egpj.exe'), 'title', /U\+202E/],
    ['a left-to-right isolate in the title', (d: Loose) => (d.title = '\u2066Nasr\u2069'), 'title', /U\+2066/],
    ['a NUL in the description', (d: Loose) => (d.description = 'One\u0000two'), 'description', /U\+0000/],
    ['an escape in a note', (d: Loose) => (d.annotations[0].text = 'Red \u001b[31m'), 'annotations[0].text', /U\+001B/],
  ])('refuses %s with 400 naming the field', async (_, spoil, field, reason) => {
    await expectRefused(await spoilt('Lying text', spoil), field, reason);
  });

  it('keeps what analysts write: an Arabic title, line breaks (Windows ones too) and tabs in the description and notes', async () => {
    const document = await spoilt('جيش النصر وحلفاؤه', (d) => {
      d.description = 'First line\r\n\tindented second';
      d.annotations = [note('a', '**Merger**\n\n- one\n\t- two')];
    });
    const created = await createThrough(app, document);
    expect(created).toMatchObject({ title: 'جيش النصر وحلفاؤه', description: 'First line\r\n\tindented second' });
    expect(created.annotations[0]?.text).toBe('**Merger**\n\n- one\n\t- two');
  });
});
