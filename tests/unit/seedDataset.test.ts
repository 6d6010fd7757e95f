import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { checkImportFile, describeZodIssues, importFile, type ImportFile } from '../../contract/importFile.ts';
import {
  holdsOn,
  intervalBounds,
  lifetimeOf,
  relationshipValidTime,
  type ValidTime,
} from '../../contract/validTime.ts';

const raw: unknown = JSON.parse(readFileSync(new URL('../../seed/jaysh-al-nasr.json', import.meta.url), 'utf8'));

function parsed(): ImportFile {
  const result = importFile.safeParse(raw);
  if (!result.success) throw new Error(JSON.stringify(describeZodIssues(result.error), null, 2));
  return result.data;
}

const KILLING_EVENT = 'killing-of-jaysh-al-nasr-prisoners-near-khan-shaykhun';
const MURAK_ATTACK = 'attack-on-jaysh-al-nasr-headquarters-near-murak';

type Relationship = ImportFile['relationships'][number];

function relationship(file: ImportFile, id: string): Relationship {
  const found = file.relationships.find((r) => r.id === id);
  if (!found) throw new Error(`no relationship ${id} in the seed`);
  return found;
}

/** A relationship's stored valid time, as the importer derives it: its interval within its ends' lifetimes. */
function validTimeOf(file: ImportFile, r: Relationship): ValidTime {
  const lifetime = (id: string) => {
    const n = file.nodes.find((x) => x.id === id);
    if (!n) throw new Error(`no node ${id} in the seed`);
    return lifetimeOf(n);
  };
  return relationshipValidTime(r, lifetime(r.source), lifetime(r.target));
}

describe('seed dataset seed/jaysh-al-nasr.json', () => {
  it('parses with the import schema and has no import problems', () => {
    expect(importFile.safeParse(raw).success).toBe(true);
    expect(checkImportFile(parsed(), { labelOf: () => undefined })).toEqual([]);
  });

  it('uses ids that are unique across sources, nodes and relationships', () => {
    const file = parsed();
    const ids = [...file.sources, ...file.nodes, ...file.relationships].map((item) => item.id);
    const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(duplicates).toEqual([]);
  });

  it('has every node and relationship cite at least one source that exists', () => {
    const file = parsed();
    const sourceIds = new Set(file.sources.map((s) => s.id));
    for (const item of [...file.nodes, ...file.relationships]) {
      expect(item.sources.length, item.id).toBeGreaterThan(0);
      for (const cited of item.sources) expect(sourceIds.has(cited), `${item.id} cites ${cited}`).toBe(true);
    }
  });

  it('numbers reference sources ref-N, skips the empty ref 3 and keeps refs 9 and 10 without a title', () => {
    const file = parsed();
    const numbered = file.sources.filter((s) => s.number !== undefined);
    for (const s of numbered) expect(s.id).toBe(`ref-${s.number}`);
    expect(file.sources.some((s) => s.number === 3 || s.id === 'ref-3')).toBe(false);
    for (const n of [9, 10]) {
      const source = numbered.find((s) => s.number === n);
      expect(source, `ref-${n}`).toBeDefined();
      expect(source?.title).toBeNull();
      expect(source?.description).toMatch(/missing in this copy/);
    }
    expect(file.sources.some((s) => s.id === 'wikipedia-jaysh-al-nasr')).toBe(true);
  });

  it('finds Jaysh al-Nasr by its English and Arabic names', () => {
    const jan = parsed().nodes.find((n) => n.id === 'jaysh-al-nasr');
    expect(jan?.label).toBe('Faction');
    expect(jan?.aliases).toContain('Army of Victory');
    expect(jan?.aliases).toContain('جيش النصر');
  });

  it("ends the 111th Regiment's merger into Jaysh al-Nasr on 9 February 2018", () => {
    const merged = parsed().relationships.filter(
      (r) => r.type === 'MERGED_INTO' && r.source === '111th-regiment' && r.target === 'jaysh-al-nasr',
    );
    expect(merged).toHaveLength(1);
    const [rel] = merged;
    expect(rel?.from).toBe('2015-10');
    expect(rel?.to).toBe('2018-02-09');
    expect(rel && holdsOn(intervalBounds(rel.from, rel.to), '2018-02-09')).toBe(true);
    expect(rel && holdsOn(intervalBounds(rel.from, rel.to), '2018-02-10')).toBe(false);
    expect(rel?.sources).toContain('ref-23');
  });

  it('keeps each disagreeing toll of the February 2017 killings on its own relationship with its own source', () => {
    const tolls = parsed().relationships.filter(
      (r) => r.type === 'FOUGHT' && r.target === KILLING_EVENT && r.casualties !== undefined,
    );
    const expected: Array<[number, string]> = [
      [80, 'ref-19'],
      [160, 'ref-19'],
      [70, 'ref-20'],
      [70, 'ref-21'],
      [197, 'ref-7'],
    ];
    for (const [figure, source] of expected) {
      const claims = tolls.filter((r) => r.casualties === figure && r.sources.includes(source));
      expect(claims, `${figure} per ${source}`).toHaveLength(1);
      // one claim, one source: a relationship carrying a figure cites only the source that gives it
      expect(claims[0]?.sources, `${figure} per ${source}`).toEqual([source]);
      expect(claims[0]?.casualtiesCounted, `${figure} per ${source}`).toBeTruthy();
    }
    expect(new Set(tolls.map((r) => r.id)).size).toBe(tolls.length);
    expect(new Set(tolls.map((r) => r.casualties))).toEqual(new Set([80, 160, 70, 197]));
  });
});

describe('seed dataset: time as the sources state it', () => {
  it('gives no relationship a stated interval outside the lifetimes of its ends', () => {
    const file = parsed();
    for (const r of file.relationships) {
      const { validFrom, validTo } = validTimeOf(file, r);
      expect(validFrom <= validTo, `${r.id}: ${validFrom} > ${validTo}`).toBe(true);
    }
  });

  it("makes every part in a dated event an instant on the event's date, bounded as the event's date is", () => {
    const file = parsed();
    const events = new Map(file.nodes.filter((n) => n.label === 'Event').map((n) => [n.id, n]));
    const parts = file.relationships.filter((r) => {
      const event = events.get(r.target);
      return event?.label === 'Event' && event.date !== undefined;
    });
    expect(parts.length).toBeGreaterThanOrEqual(25);
    for (const r of parts) {
      const event = events.get(r.target);
      if (event?.label !== 'Event') throw new Error(r.target);
      expect([r.from, r.to], r.id).toEqual([event.date, event.date]);
      expect([r.fromQualifier, r.toQualifier], r.id).toEqual([event.dateQualifier, event.dateQualifier]);
    }
  });

  it('puts the five claims about the killings of 14 February 2017 on that day only, and the attacks with them', () => {
    const file = parsed();
    const claims = file.relationships.filter((r) => r.target === KILLING_EVENT && r.casualties !== undefined);
    expect(claims).toHaveLength(5);
    const attacker = [
      relationship(file, 'jund-al-aqsa-fought-jaysh-al-nasr'),
      ...file.relationships.filter((r) => r.target === MURAK_ATTACK),
    ];
    for (const r of claims) {
      expect([r.from, r.to], r.id).toEqual(['2017-02-14', '2017-02-14']);
      expect(holdsOn(validTimeOf(file, r), '2017-02-14'), r.id).toBe(true);
      expect(holdsOn(validTimeOf(file, r), '2017-02-15'), r.id).toBe(false);
    }
    for (const r of [...claims, ...attacker]) expect(holdsOn(validTimeOf(file, r), '2018-06-01'), r.id).toBe(false);
    expect(attacker.map((r) => [r.from, r.to])).toEqual([
      ['2017-02-07', '2017-02-14'],
      ['2017-02-07', '2017-02-07'],
      ['2017-02-07', '2017-02-07'],
    ]);
  });

  it('marks a date that is only a bound (a report\'s date, "as of" a photo, "after it left") as such', () => {
    const file = parsed();
    const bounded: Array<[string, string, 'by' | 'after']> = [
      ['falcons-of-al-ghab-led-by-muhammad-mansour', '2015-10', 'by'],
      ['uwais-al-qarni-battalion-merged-into-jaysh-al-nasr', '2017-01-06', 'by'],
      ['uwais-al-qarni-battalion-member-of-free-syrian-army', '2017-01-06', 'by'],
      ['liwa-ahrar-darayya-fought-syrian-arab-army', '2016-09-28', 'by'],
      ['muhannad-junaid-member-of-jaysh-al-nasr', '2017-02-23', 'by'],
      ['alaa-rakhmon-member-of-jaysh-al-nasr', '2017-05-22', 'by'],
      ['turkey-supports-jaysh-al-nasr', '2018-02-17', 'by'],
      ['national-front-for-liberation-led-by-muhammad-mansour', '2018-05-28', 'by'],
      ['jaysh-al-nasr-fought-jamiat-al-zahra-tank-shelling-2016', '2016-05-05', 'by'],
      ['liwa-ahrar-darayya-participated-in-darayya-evacuation-deal', '2016-09-28', 'by'],
    ];
    for (const [id, from, qualifier] of bounded) {
      const r = relationship(file, id);
      expect([r.from, r.fromQualifier], id).toEqual([from, qualifier]);
    }
    // Where the date is the start itself, it carries no qualifier.
    for (const id of [
      'jaysh-al-nasr-led-by-muhammad-mansour',
      'jaysh-al-nasr-member-of-national-front-for-liberation',
    ]) {
      expect(relationship(file, id).fromQualifier, id).toBeUndefined();
    }
    const shelling = file.nodes.find((n) => n.id === 'jamiat-al-zahra-tank-shelling-2016');
    expect(shelling?.label === 'Event' && [shelling.date, shelling.dateQualifier]).toEqual(['2016-05-05', 'by']);
  });

  it("ends the Western support in October 2017 and Alaa Rakhmon's membership on the day he was killed", () => {
    const file = parsed();
    const western = relationship(file, 'western-backers-supported-jaysh-al-nasr');
    expect([western.from, western.to]).toEqual([undefined, '2017-10']);
    expect(holdsOn(validTimeOf(file, western), '2017-10-31')).toBe(true);
    expect(holdsOn(validTimeOf(file, western), '2017-11-01')).toBe(false);
    const rakhmon = relationship(file, 'alaa-rakhmon-member-of-jaysh-al-nasr');
    expect(rakhmon.to).toBe('2017-05-22');
    expect(holdsOn(validTimeOf(file, rakhmon), '2017-05-23')).toBe(false);
  });
});

describe('seed dataset: claims exactly as stated', () => {
  it('carries the bound and the hedge each source puts on its figure', () => {
    const file = parsed();
    const expected: Array<[string, Partial<Relationship>]> = [
      [
        'jund-al-aqsa-fought-attack-on-jaysh-al-nasr-headquarters-near-murak',
        { casualties: 250, casualtiesBound: 'more than', qualifier: undefined, claimedBy: undefined },
      ],
      [
        'jund-al-aqsa-killed-80-jaysh-al-nasr-prisoners-ref-19',
        { casualties: 80, casualtiesBound: 'at least', qualifier: 'reported', claimedBy: undefined },
      ],
      [
        'jund-al-aqsa-executed-160-rebel-fighters-ref-19-title',
        { casualties: 160, casualtiesBound: 'up to', qualifier: 'reported', claimedBy: undefined },
      ],
      [
        'jund-al-aqsa-executed-70-captured-fighters-ref-20',
        { casualties: 70, casualtiesBound: undefined, qualifier: 'claimed', claimedBy: 'Moussa al-Omar' },
      ],
      [
        'jund-al-aqsa-executed-70-jaysh-al-nasr-members-ref-21',
        { casualties: 70, casualtiesBound: undefined, qualifier: 'claimed', claimedBy: 'Moussa al-Omar' },
      ],
      [
        'jund-al-aqsa-executed-197-free-army-fighters-ref-7',
        { casualties: 197, casualtiesBound: undefined, qualifier: undefined, claimedBy: undefined },
      ],
    ];
    for (const [id, claim] of expected) {
      const r = relationship(file, id);
      expect(
        {
          casualties: r.casualties,
          casualtiesBound: r.casualtiesBound,
          qualifier: r.qualifier,
          claimedBy: r.claimedBy,
        },
        id,
      ).toEqual(claim);
      // the bound lives in its own field, not in the words of what is counted
      expect(r.casualtiesCounted, id).not.toMatch(/at least|more than|up to/);
    }
    // Moussa al-Omar gives three figures, not a total: what is counted names all three.
    expect(relationship(file, 'jund-al-aqsa-executed-70-jaysh-al-nasr-members-ref-21').casualtiesCounted).toMatch(
      /56 fighters, 3 media reporters and 11 military commanders/,
    );
  });

  it('hedges the victims as the sources do, and the end of Western support as "largely"', () => {
    const file = parsed();
    const victims = relationship(file, 'jaysh-al-nasr-participated-in-killing-of-its-prisoners-near-khan-shaykhun');
    expect(victims.qualifier).toBe('reported');
    expect(victims.description).toMatch(/According to Moussa al-Omar/);
    const izza = relationship(
      file,
      'jaysh-al-izza-participated-in-killing-of-jaysh-al-nasr-prisoners-near-khan-shaykhun',
    );
    expect([izza.qualifier, izza.claimedBy]).toEqual(['claimed', 'Moussa al-Omar']);
    expect(relationship(file, 'western-backers-supported-jaysh-al-nasr').qualifier).toBe('largely');
    expect(relationship(file, 'jund-al-aqsa-fought-jaysh-al-nasr').description).toMatch(/reportedly killed/);
  });

  it('gives a claimant only to attributed claims, and a bound only to a figure', () => {
    for (const r of parsed().relationships) {
      if (r.claimedBy !== undefined) expect(r.qualifier, r.id).toBe('claimed');
      if (r.casualtiesBound !== undefined) expect(r.casualties, r.id).toBeTypeOf('number');
    }
  });
});

describe('seed dataset: what the article says that the seed had left out', () => {
  it('keeps both headquarters, Qalaat al-Madiq and near Murak, as BASED_IN claims with their own sources', () => {
    const file = parsed();
    const based = file.relationships.filter((r) => r.type === 'BASED_IN' && r.source === 'jaysh-al-nasr');
    expect(based.map((r) => r.target).sort()).toEqual(['murak', 'qalaat-al-madiq']);
    const qalaat = relationship(file, 'jaysh-al-nasr-based-in-qalaat-al-madiq');
    const murak = relationship(file, 'jaysh-al-nasr-based-near-murak');
    expect(qalaat.sources).toEqual(['ref-9']);
    expect(murak.sources).toEqual(['ref-18']);
    expect([qalaat.from, qalaat.to]).toEqual([undefined, '2019-05']);
    // Near Murak on 7 February 2017, the day of the attack: a bound, neither a start nor an end.
    expect([murak.from, murak.fromQualifier, murak.to]).toEqual(['2017-02-07', 'by', undefined]);
    expect(murak.role).toMatch(/near the town of Murak/);
    expect(file.nodes.find((n) => n.id === 'murak')).toMatchObject({ label: 'Place', name: 'Murak', kind: 'town' });
  });

  it('has Kafr Nabudah and Kafr Zita as villages, with every spelling the article gives', () => {
    const file = parsed();
    const place = (id: string) => file.nodes.find((n) => n.id === id);
    expect(place('kafr-nabudah')).toMatchObject({ label: 'Place', name: 'Kafr Nabudah', kind: 'village' });
    expect(place('kafr-nabudah')?.aliases).toEqual(expect.arrayContaining(['Kafr Nuboudah', 'كفرنبودة']));
    expect(place('kafr-nabudah')?.sources.sort()).toEqual(['ref-20', 'ref-8']);
    expect(place('kafr-zita')).toMatchObject({ label: 'Place', name: 'Kafr Zita', kind: 'village' });
    expect(place('kafr-zita')?.aliases).toContain('كفر زيتا');
    expect(place('kafr-zita')?.sources).toEqual(['ref-20']);
    // The origin of the executed is Moussa al-Omar's claim, and said to be his.
    for (const id of ['kafr-nabudah', 'kafr-zita'])
      expect(place(id)?.description, id).toMatch(/According to Moussa al-Omar/);
    const assassination = place('assassination-of-alaa-rakhmon');
    expect(assassination?.label === 'Event' && assassination.place).toMatch(/^Kafr Nabudah/);
  });

  it('records the formation in Hama as ref 15 gives it, in August 2015 as ref 1 gives it', () => {
    const file = parsed();
    const formation = file.nodes.find((n) => n.id === 'formation-of-jaysh-al-nasr');
    expect(formation).toMatchObject({ label: 'Event', date: '2015-08', place: 'Hama', sources: ['ref-1', 'ref-15'] });
    expect(formation?.description).toMatch(/formed HAMA/);
    const part = relationship(file, 'jaysh-al-nasr-participated-in-its-formation');
    expect([part.source, part.target, part.from, part.to]).toEqual([
      'jaysh-al-nasr',
      'formation-of-jaysh-al-nasr',
      '2015-08',
      '2015-08',
    ]);
    const jan = file.nodes.find((n) => n.id === 'jaysh-al-nasr');
    expect(jan?.label === 'Faction' && jan.founded).toBe('2015-08');
  });
});

describe('seed dataset: nothing the article does not state', () => {
  it("puts only the Sham Legion's northern Hama branch in the NFL, and the 111th Regiment in that branch", () => {
    const file = parsed();
    const memberships = file.relationships.filter((r) => r.type === 'MEMBER_OF');
    expect(memberships.some((r) => r.source === 'sham-legion' && r.target === 'national-front-for-liberation')).toBe(
      false,
    );
    const branch = 'sham-legion-northern-hama-branch';
    expect(file.nodes.find((n) => n.id === branch)).toMatchObject({ label: 'Faction', sources: ['ref-24'] });
    const inSham = relationship(file, `${branch}-member-of-sham-legion`);
    expect([inSham.source, inSham.target]).toEqual([branch, 'sham-legion']);
    const inFront = relationship(file, `${branch}-member-of-national-front-for-liberation`);
    expect([inFront.source, inFront.target, inFront.from, inFront.fromQualifier, inFront.sources]).toEqual([
      branch,
      'national-front-for-liberation',
      '2019-01-07',
      'by',
      ['ref-24'],
    ]);
    const joined = relationship(file, '111th-regiment-member-of-sham-legion-northern-hama-branch');
    expect([joined.source, joined.target, joined.from, joined.fromQualifier, joined.to]).toEqual([
      '111th-regiment',
      branch,
      '2018-02-09',
      'after',
      '2019-01-06',
    ]);
    // No membership straight into the whole Sham Legion except the branch's own.
    expect(memberships.filter((r) => r.target === 'sham-legion').map((r) => r.source)).toEqual([branch]);
  });

  it('records no kind where the article names none (Fatah Halab, the Western backers)', () => {
    const file = parsed();
    for (const id of ['fatah-halab', 'western-backers']) {
      const faction = file.nodes.find((n) => n.id === id);
      expect(faction?.label, id).toBe('Faction');
      expect(faction && 'kind' in faction ? faction.kind : undefined, id).toBeUndefined();
      expect(faction?.description, id).toMatch(/so no kind is recorded/);
    }
  });

  it('spells names as the article does, and claims no combat where a caption shows only presence', () => {
    const file = parsed();
    const names = new Map(file.nodes.map((n) => [n.id, n]));
    expect(names.get('syrian-arab-army')?.name).toBe('Syrian Army');
    expect(names.get('jaysh-al-izza')?.name).toBe('Jaish al-Izza');
    const everyName = file.nodes.flatMap((n) => [n.name, ...n.aliases]);
    for (const invented of ['Syrian Arab Army', 'Jaysh al-Izza']) expect(everyName).not.toContain(invented);
    const campaign = file.relationships.filter((r) => r.target === 'northwestern-syria-campaign');
    expect(campaign.map((r) => [r.id, r.type])).toEqual([
      ['jaysh-al-nasr-participated-in-northwestern-syria-campaign', 'PARTICIPATED_IN'],
    ]);
    const killing = names.get(KILLING_EVENT);
    expect(killing?.label === 'Event' && killing.place).toBe('Khan Shaykhun');
  });
});
