/**
 * Grades as the client shows them (client/src/grades/): each distinct grade of a claim ("B2 F2"), "F–"
 * for a seed claim (F source, no credibility stated), the grade on a link's first line, the grade filter
 * (a claim is as strong as its best source; no stated credibility counts as 6), the console's
 * greyed rows; the client's copy of source grades asking only for what it lacks; "as known on" and the
 * grade filter in the URL; and a history change's compact diff (only the fields that changed).
 */
import { describe, expect, it } from 'vitest';
import { meetsGrade, type Reliability } from '../../contract/grades.ts';
import {
  claimGrades,
  gradeBarOf,
  gradesText,
  gradeText,
  gradeTitle,
  passesGradeBar,
  withGrade,
} from '../../client/src/grades/gradeWords.ts';
import { rowBelowBar, sourcesInRows } from '../../client/src/grades/rowGrades.ts';
import { SourceGrades } from '../../client/src/grades/sourceGrades.ts';
import { changedFields } from '../../client/src/history/historyDiff.ts';
import { describeKnownOn } from '../../client/src/history/knownOnWords.ts';
import { viewStateFromQuery, viewStateToQuery } from '../../client/src/state/url.ts';
import { emptyViewState } from '../../client/src/state/viewState.ts';

const held: Record<string, Reliability> = { reuters: 'B', blog: 'F', un: 'A', wire: 'C' };
const lookup = (id: string) => held[id];

describe('a claim’s grade', () => {
  it('is F– for a claim of an ungraded source that states no credibility (the seed’s)', () => {
    expect(gradeText({ sources: ['seed-source'], credibility: undefined }, () => undefined)).toBe('F–');
    expect(gradeText({ sources: [] }, lookup)).toBe('F–');
  });

  it('names each distinct grade, best first, with the claim’s credibility', () => {
    expect(claimGrades({ sources: ['blog', 'reuters', 'reuters'], credibility: 2 }, lookup)).toEqual(['B2', 'F2']);
    expect(gradeText({ sources: ['blog', 'reuters'], credibility: 2 }, lookup)).toBe('B2 F2');
    expect(gradeText({ sources: ['un', 'reuters', 'wire', 'blog'], credibility: 1 }, lookup)).toBe('A1 B1 C1 +1');
  });

  it('says the doctrine’s words in its title', () => {
    expect(gradeTitle({ sources: ['reuters'], credibility: 2 }, lookup)).toBe(
      'Source B: usually reliable. Information 2: probably true.',
    );
    expect(gradeTitle({ sources: ['x'] }, () => undefined)).toContain('credibility not stated');
  });

  it('goes at the end of a link label’s first line, and a bundle gives its distinct grades', () => {
    expect(withGrade('member of', 'B2')).toBe('member of · B2');
    expect(withGrade('merged into\nsince 2017', 'F–')).toBe('merged into · F–\nsince 2017');
    expect(
      gradesText(
        [
          { sources: ['reuters'], credibility: 2 },
          { sources: ['blog'], credibility: 2 },
          { sources: ['reuters'], credibility: 2 },
        ],
        lookup,
      ),
    ).toBe('B2 F2');
  });
});

describe('the grade filter', () => {
  it('has no bar until one is chosen', () => {
    expect(gradeBarOf({ minReliability: null, minCredibility: null })).toBeNull();
    expect(passesGradeBar({ sources: ['blog'] }, lookup, null)).toBe(true);
  });

  it('keeps a claim whose best source reaches the reliability bar', () => {
    const bar = gradeBarOf({ minReliability: 'B', minCredibility: null });
    expect(passesGradeBar({ sources: ['blog', 'reuters'] }, lookup, bar)).toBe(true);
    expect(passesGradeBar({ sources: ['wire', 'blog'] }, lookup, bar)).toBe(false);
    // A source whose grade is not known yet counts as F, never as better.
    expect(passesGradeBar({ sources: ['unknown'] }, lookup, bar)).toBe(false);
  });

  it('hides a claim below the credibility bar; one stating none counts as 6 (cannot be judged)', () => {
    const bar = gradeBarOf({ minReliability: null, minCredibility: 3 });
    expect(passesGradeBar({ sources: ['blog'], credibility: 3 }, lookup, bar)).toBe(true);
    expect(passesGradeBar({ sources: ['un'], credibility: 4 }, lookup, bar)).toBe(false);
    expect(passesGradeBar({ sources: ['un'] }, lookup, bar)).toBe(false);
    const six = gradeBarOf({ minReliability: null, minCredibility: 6 });
    expect(passesGradeBar({ sources: ['un'] }, lookup, six)).toBe(true);
    expect(meetsGrade(['F'], undefined, { credibility: 6 })).toBe(true);
    expect(meetsGrade(['F'], undefined, { credibility: 5 })).toBe(false);
  });

  it('greys a console row holding a claim below the bar, in a cell, a path or a list', () => {
    const rel = (id: string, sources: string[], credibility?: number) => ({
      data: { id, source: 'a', target: 'b', type: 'MEMBER_OF', sources, credibility },
    });
    const node = { data: { id: 'a', label: 'Faction', name: 'A' } };
    const bar = gradeBarOf({ minReliability: 'B', minCredibility: null });
    expect(rowBelowBar([node, rel('r1', ['reuters'])], lookup, bar)).toBe(false);
    expect(rowBelowBar([node, rel('r2', ['blog'])], lookup, bar)).toBe(true);
    expect(rowBelowBar([{ nodes: [node, node], edges: [rel('r3', ['wire'])] }], lookup, bar)).toBe(true);
    expect(rowBelowBar([[rel('r4', ['un']), rel('r5', ['blog'])]], lookup, bar)).toBe(true);
    expect(rowBelowBar([node, rel('r2', ['blog'])], lookup, null)).toBe(false);
    expect(sourcesInRows([[rel('r1', ['reuters', 'blog'])], [[rel('r4', ['un'])]]]).sort()).toEqual([
      'blog',
      'reuters',
      'un',
    ]);
  });
});

describe('the client’s copy of source grades', () => {
  it('asks once for the ids it lacks, F for an id the server does not name, and again on refresh', async () => {
    const asked: string[][] = [];
    const grades = new SourceGrades(async (ids) => {
      asked.push([...ids]);
      return { reuters: 'B' };
    });
    let changes = 0;
    grades.onChange(() => changes++);
    await grades.ensure(['reuters', 'blog', 'reuters']);
    expect(asked).toEqual([['reuters', 'blog']]);
    expect(grades.lookup('reuters')).toBe('B');
    expect(grades.lookup('blog')).toBe('F');
    expect(changes).toBe(1);
    await grades.ensure(['blog', 'reuters']);
    expect(asked.length).toBe(1);
    await grades.refresh(['new-source']);
    expect(asked[1]?.sort()).toEqual(['blog', 'new-source', 'reuters']);
  });

  it('asks for every grade again as known on another day, and drops an answer for a day left', async () => {
    const regradedOn = '2027-06-02';
    const asked: Array<string | null> = [];
    let release = () => {};
    const grades = new SourceGrades(async (ids, knownOn) => {
      asked.push(knownOn);
      if (knownOn === '2027-01-01') {
        await new Promise<void>((resolve) => {
          release = resolve;
        });
      }
      const known = knownOn === null || knownOn >= regradedOn ? 'A' : 'D';
      return Object.fromEntries(ids.map((id) => [id, known] as const));
    });
    await grades.ensure(['reuters']);
    expect(grades.lookup('reuters')).toBe('A');
    await grades.setKnownOn('2027-06-01');
    expect(grades.lookup('reuters')).toBe('D');
    await grades.setKnownOn('2027-06-01');
    expect(asked).toEqual([null, '2027-06-01']);
    // A slow answer for a day the analyst has already left must not overwrite the newer day's.
    const slow = grades.setKnownOn('2027-01-01');
    await grades.setKnownOn(null);
    release();
    await slow;
    expect(grades.lookup('reuters')).toBe('A');
  });
});

describe('"as known on" and the grade filter in the URL', () => {
  it('round-trips a day, an instant and the bar', () => {
    for (const knownOn of ['2026-11-30', '2026-12-01T10:15:00.000Z']) {
      const state = {
        ...emptyViewState(),
        added: ['jaysh-al-nasr'],
        knownOn,
        minReliability: 'C' as const,
        minCredibility: 2 as const,
      };
      const back = viewStateFromQuery(viewStateToQuery(state));
      expect(back.knownOn).toBe(knownOn);
      expect(back.minReliability).toBe('C');
      expect(back.minCredibility).toBe(2);
    }
  });

  it('drops what is malformed', () => {
    const back = viewStateFromQuery('?known=yesterday&rel=G&cred=7');
    expect(back.knownOn).toBeNull();
    expect(back.minReliability).toBeNull();
    expect(back.minCredibility).toBeNull();
  });

  it('says an instant as "just before" it', () => {
    expect(describeKnownOn('2026-12-01T10:15:00.000Z')).toBe('just before 1 December 2026, 10:15:00 UTC');
    expect(describeKnownOn('2026-11-30')).toBe('30 November 2026');
  });
});

describe('a history change’s diff', () => {
  it('lists only the fields that changed, without transaction-time bookkeeping', () => {
    const before = { id: 'c', from: '2016', credibility: 3, sources: ['blog'], recordedAt: '2026-12-01T10:00:00.000Z' };
    const after = {
      id: 'c',
      from: '2017',
      credibility: 2,
      sources: ['blog', 'reuters'],
      recordedAt: '2026-12-01T11:00:00.000Z',
    };
    expect(changedFields(before, after)).toEqual([
      { field: 'from', before: '2016', after: '2017' },
      { field: 'credibility', before: '3', after: '2' },
      { field: 'sources', before: 'blog', after: 'blog, reuters' },
    ]);
  });

  it('shows a first record and a retraction against nothing', () => {
    expect(changedFields(null, { name: 'Army of Victory' })).toEqual([
      { field: 'name', before: '', after: 'Army of Victory' },
    ]);
    expect(changedFields({ name: 'X' }, null)).toEqual([{ field: 'name', before: 'X', after: '' }]);
  });
});
