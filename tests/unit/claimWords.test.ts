/**
 * Claims in words (client/src/graph/claimWords.ts): dates at their precision with their qualifiers,
 * figures with their bounds, hedged and attributed claims — each exactly as the source states it.
 */
import { describe, expect, it } from 'vitest';
import {
  dateInWords,
  describeClaim,
  describeDate,
  describeFigure,
  describeInterval,
  describeNodeTime,
  describeQualifiedDate,
  edgeCaption,
  figureNoun,
  shortFigure,
} from '../../client/src/graph/claimWords.ts';

describe('dates in words', () => {
  it('says a partial date at its own precision, with month names from Intl', () => {
    expect(describeDate('2018')).toBe('2018');
    expect(describeDate('2015-10')).toBe('October 2015');
    expect(describeDate('2018-02-09')).toBe('9 February 2018');
    expect(describeDate('2016-02-29')).toBe('29 February 2016');
    expect(describeDate('2017-12-31')).toBe('31 December 2017');
    expect(describeDate('0099-01-01')).toBe('1 January 99');
  });

  it('leaves what is not a partial date as it is', () => {
    expect(describeDate('early 2016')).toBe('early 2016');
  });

  it('says a qualified date standing alone', () => {
    expect(describeQualifiedDate('2018-02-09', 'by')).toBe('by 9 February 2018');
    expect(describeQualifiedDate('2016-03', 'after')).toBe('after March 2016');
    expect(describeQualifiedDate('2015', 'about')).toBe('about 2015');
    expect(describeQualifiedDate('2017-02-14')).toBe('on 14 February 2017');
    expect(describeQualifiedDate('2017-02')).toBe('in February 2017');
  });
});

describe('intervals in words', () => {
  it('says both ends, each with its qualifier', () => {
    expect(describeInterval('2015-10', '2018-02-09')).toBe('from October 2015 to 9 February 2018');
    expect(describeInterval('2015', '2018-02-09', { fromQualifier: 'about' })).toBe(
      'from about 2015 to 9 February 2018',
    );
    expect(describeInterval('2015-08', '2016', { fromQualifier: 'by', toQualifier: 'after' })).toBe(
      'from no later than August 2015 to no earlier than 2016',
    );
  });

  it('says an instant once: "on" a day, "in" a month or year', () => {
    expect(describeInterval('2017-02-14', '2017-02-14')).toBe('on 14 February 2017');
    expect(describeInterval('2017', '2017')).toBe('in 2017');
    expect(describeInterval('2017-02-14', '2017-02-14', { fromQualifier: 'about', toQualifier: 'about' })).toBe(
      'about 14 February 2017',
    );
    // A start known only as no later than the exact end (Alaa Rakhmon's membership): it ended then,
    // from a start nobody states; not "from no later than 22 May 2017 to 22 May 2017".
    expect(describeInterval('2017-05-22', '2017-05-22', { fromQualifier: 'by' })).toBe(
      'until 22 May 2017 (start unknown)',
    );
    expect(describeInterval('2016-05-05', '2016-05-05', { fromQualifier: 'by', toQualifier: 'by' })).toBe(
      'by 5 May 2016',
    );
  });

  it('says an open interval from its one end', () => {
    expect(describeInterval('2015-10', null)).toBe('since October 2015');
    // A start known only as a bound reads as a start, never as an end date ("member of — by …").
    expect(describeInterval('2017-02-23', null, { fromQualifier: 'by' })).toBe('since no later than 23 February 2017');
    expect(describeInterval('2016-03', null, { fromQualifier: 'after' })).toBe('since no earlier than March 2016');
    expect(describeInterval('2015', undefined, { fromQualifier: 'about' })).toBe('since about 2015');
    expect(describeInterval(null, '2016')).toBe('until 2016');
    expect(describeInterval(null, '2017-10', { toQualifier: 'by' })).toBe('until no later than October 2017');
    expect(describeInterval(null, null)).toBe('undated');
  });

  it('ignores qualifiers it does not know', () => {
    expect(describeInterval('2015-10', null, { fromQualifier: 'roughly' })).toBe('since October 2015');
  });

  it('says a node’s own time: an event’s date, a faction’s founding and dissolution', () => {
    expect(describeNodeTime({ label: 'Event', date: '2017-02-14' })).toBe('on 14 February 2017');
    expect(describeNodeTime({ label: 'Event', date: '2017', dateQualifier: 'about' })).toBe('about 2017');
    expect(describeNodeTime({ label: 'Event', date: '2017-01', endDate: '2017-03' })).toBe(
      'from January 2017 to March 2017',
    );
    expect(describeNodeTime({ label: 'Faction', founded: '2015-08' })).toBe('since August 2015');
    expect(describeNodeTime({ label: 'Faction', founded: '2015', foundedQualifier: 'about', dissolved: '2019' })).toBe(
      'from about 2015 to 2019',
    );
    expect(describeNodeTime({ label: 'Faction', founded: '2015', foundedQualifier: 'by' })).toBe(
      'since no later than 2015',
    );
    expect(describeNodeTime({ label: 'Event', date: '2016-05-05', dateQualifier: 'by' })).toBe('by 5 May 2016');
    expect(describeNodeTime({ label: 'Person', name: 'x' })).toBeNull();
    expect(dateInWords({ label: 'Event', date: '2017-02-07' })).toBe('7 February 2017');
    expect(dateInWords({ label: 'Event', date: '2017', dateQualifier: 'about' })).toBe('about 2017');
    expect(dateInWords({ label: 'Event', date: '2017-01', endDate: '2017-03' })).toBe(
      'from January 2017 to March 2017',
    );
  });
});

describe('figures and claims in words', () => {
  it('says a figure with its bound, long and short', () => {
    expect(describeFigure(80, 'at least')).toBe('at least 80');
    expect(describeFigure(160, 'up to')).toBe('up to 160');
    expect(describeFigure(70)).toBe('70');
    expect(shortFigure(80, 'at least')).toBe('80+');
    expect(shortFigure(250, 'more than')).toBe('>250');
    expect(shortFigure(160, 'up to')).toBe('≤160');
    expect(shortFigure(10, 'fewer than')).toBe('<10');
    expect(shortFigure(70, 'about')).toBe('~70');
    expect(shortFigure(197, null)).toBe('197');
  });

  it('says how a claim is hedged or whose it is', () => {
    expect(describeClaim('reported', undefined)).toBe('reportedly');
    expect(describeClaim('alleged', null)).toBe('allegedly');
    expect(describeClaim('largely', null)).toBe('largely');
    expect(describeClaim('claimed', 'Moussa al-Omar')).toBe('according to Moussa al-Omar');
    expect(describeClaim(undefined, 'Moussa al-Omar')).toBe('according to Moussa al-Omar');
    expect(describeClaim('reported', 'Akhbar Alaan')).toBe('reportedly, according to Akhbar Alaan');
    expect(describeClaim('claimed', undefined)).toBe('claimed');
    expect(describeClaim(undefined, undefined)).toBeNull();
    expect(describeClaim('rumoured', '  ')).toBeNull();
  });

  it('labels a link with its figure, interval and hedge, one per line', () => {
    expect(
      edgeCaption('fought', {
        from: '2017-02-14',
        to: null,
        casualties: 160,
        casualtiesBound: 'up to',
        qualifier: 'reported',
      }),
    ).toBe('fought · up to 160 casualties\nsince 14 February 2017\nreportedly');
    // A part in a dated event holds on that date only: an instant, not "since".
    const killing = { from: '2017-02-14', to: null, validFrom: '2017-02-14', validTo: '2017-02-14', casualties: 80 };
    expect(edgeCaption('fought', { ...killing, casualtiesBound: 'at least', claimedBy: 'Moussa al-Omar' })).toBe(
      'fought · at least 80 casualties\non 14 February 2017\naccording to Moussa al-Omar',
    );
    // An instant dated "by" (a part in an event known to have happened no later than a day) says so once.
    const byDay = { from: '2016-09-28', fromQualifier: 'by', validFrom: '2016-09-28', validTo: '2016-09-28' };
    expect(edgeCaption('took part in', byDay)).toBe('took part in\nby 28 September 2016');
    expect(edgeCaption('took part in', { from: '2017', validFrom: '2017-01-01', validTo: '2017-12-31' })).toBe(
      'took part in\nin 2017',
    );
    expect(edgeCaption('member of', { from: null, to: null })).toBe('member of');
    expect(edgeCaption('merged into', { from: '2015-10', to: '2018-02-09', toQualifier: 'by' })).toBe(
      'merged into\nfrom October 2015 to no later than 9 February 2018',
    );
    expect(edgeCaption('member of', { from: '2017-02-23', fromQualifier: 'by' })).toBe(
      'member of\nsince no later than 23 February 2017',
    );
  });

  it('names what a figure counts as its source says, "casualties" only when the source does not say', () => {
    const murak = {
      from: '2017-01',
      casualties: 250,
      casualtiesBound: 'more than',
      casualtiesCounted: 'Jaysh al-Nasr fighters captured',
    };
    expect(edgeCaption('fought', murak)).toBe(
      'fought · more than 250 Jaysh al-Nasr fighters captured\nsince January 2017',
    );
    expect(edgeCaption('fought', murak)).not.toContain('casualties');
    expect(figureNoun(murak)).toBe('Jaysh al-Nasr fighters captured');
    expect(figureNoun({ casualties: 3, casualtiesCounted: '  ' })).toBe('casualties');
    expect(edgeCaption('fought', { casualties: 12 })).toBe('fought · 12 casualties');
  });
});
