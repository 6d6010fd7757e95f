/**
 * The wording of events, claims and sources in the generated network, after the seed's
 * (seed/jaysh-al-nasr.json): event kinds, roles, what casualty figures count, who claims them, and the
 * outlets that report them.
 */

export const EVENT_KINDS = [
  'battle',
  'offensive',
  'siege',
  'ambush',
  'shelling',
  'assassination',
  'prisoner exchange',
  'evacuation deal',
  'ceasefire',
  'raid',
  'car bombing',
  'execution of prisoners',
  'infighting',
  'split',
  'leadership appointment',
];
export const CAMPAIGN_KINDS = ['military campaign', 'military offensive', 'siege'];

export const FIGHT_ROLES = ['attacker', 'defender', 'perpetrator', 'besieger', 'besieged'];
export const EVENT_ROLES = ['participant', 'victims: its captured members', 'mediator', 'signatory', 'attacker'];
export const PERSON_EVENT_ROLES = ['commander', 'victim', 'negotiator', 'TOW missile operator', 'spokesman'];
export const LEADER_ROLES = ['commander', 'general commander', 'military commander', 'deputy commander', 'founder'];
export const MEMBER_ROLES = ['component group', 'founding member', 'affiliate'];
export const SUPPORT_ROLES = ['financial support', 'military support', 'financial and military support', 'training'];
export const BASE_ROLES = ['headquarters', 'stronghold', 'operations base'];

export const COUNTED = [
  'fighters killed',
  'fighters captured',
  'civilians killed',
  'prisoners executed',
  'fighters wounded',
  'tanks destroyed',
];

export const CLAIMANTS = [
  'the Syrian Observatory for Human Rights',
  'a spokesman of the attackers',
  'local activists',
  'the defenders',
  'state media',
];

/** Outlets, with the language they publish in, and how often each is cited (heavier first in the list). */
export const PUBLISHERS: readonly (readonly [name: string, language: string])[] = [
  ['Enab Baladi', 'ar'],
  ['Syria Direct', 'en'],
  ['The Syrian Observer', 'en'],
  ['Syrian Observatory for Human Rights', 'en'],
  ['Orient News', 'ar'],
  ['Zaman al-Wasl', 'ar'],
  ['Step News Agency', 'ar'],
  ['Al-Monitor', 'en'],
  ['Jamestown Foundation', 'en'],
  ['Institute for the Study of War', 'en'],
  ['Twitter', 'en'],
  ['YouTube', 'ar'],
];

export const AUTHORS = ['Al-Souria', 'Sultan al-Kanj', 'Waleed Khaled a-Noufal', 'Charles Lister', '@Terror_Monitor'];

export const HEADLINES = [
  (town: string) => `Rebels in ${town} announce a new operations room`,
  (town: string) => `Clashes erupt between factions near ${town}`,
  (town: string) => `Factions merge in the ${town} countryside`,
  (town: string) => `Prisoner exchange concluded in ${town}`,
  (town: string) => `Government forces shell ${town}`,
  (town: string) => `New commander appointed for the ${town} front`,
];
