/**
 * The sources of the generated network and which of them each fact cites. Sources are numbered in
 * date order across the calendar, so a fact of a given month cites outlets that reported within the
 * half-year after it, as a real database's would; every fact cites one to three.
 */
import type { SourceRecord } from '../../contract/importFile.ts';
import type { Random } from './random.ts';
import { dayText, MONTHS, monthText, yearOf } from './timeline.ts';
import { AUTHORS, HEADLINES, PUBLISHERS } from './words.ts';
import { townName } from './names.ts';

/** A slug of a name (contract/importFile.ts `slug`): lower-case ASCII letters and digits, single hyphens. */
export function slugOf(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export class Citations {
  readonly ids: string[] = [];

  constructor(
    private readonly count: number,
    private readonly random: Random,
  ) {}

  /** The month source `index` was published in. */
  monthOf(index: number): number {
    return Math.floor((index * MONTHS) / this.count);
  }

  /** The first source published in `month` or later. */
  private firstFrom(month: number): number {
    return Math.min(this.count, Math.ceil((month * this.count) / MONTHS));
  }

  /** Source `index`'s record; called once per source, in index order (its id is kept for citations). */
  source(index: number): SourceRecord {
    const { random } = this;
    const month = this.monthOf(index);
    const [publisher, language] = PUBLISHERS[random.skewed(PUBLISHERS.length, 2)]!;
    const date = random.chance(0.85) ? dayText(month, random.int(1, 28)) : monthText(month);
    const id = `${slugOf(publisher)}-${index}`;
    this.ids.push(id);
    const author = random.chance(0.4) ? random.pick(AUTHORS) : undefined;
    return {
      id,
      ...(random.chance(0.5) ? { number: index + 1 } : {}),
      name: `${publisher}, ${date}`,
      title: random.chance(0.03) ? null : random.pick(HEADLINES)(townName(random)),
      ...(author ? { author } : {}),
      publisher,
      date,
      url: `https://${slugOf(publisher)}.example/${yearOf(month)}/${id}`,
      language,
    };
  }

  /** One to three distinct sources reporting within six months from `month`. */
  cite(month: number): string[] {
    const { random } = this;
    const first = this.firstFrom(Math.max(0, month));
    const last = Math.max(first, this.firstFrom(Math.min(MONTHS, month + 6))) - 1;
    const low = Math.min(first, this.count - 1);
    const high = Math.max(low, Math.min(last, this.count - 1));
    const wanted = random.chance(0.6) ? 1 : random.int(2, 3);
    const cited: string[] = [];
    for (let i = 0; i < wanted; i++) {
      const id = this.ids[random.int(low, high)]!;
      if (!cited.includes(id)) cited.push(id);
    }
    return cited;
  }
}
