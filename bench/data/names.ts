/**
 * Words for the generated network: faction, person, place, event and source names as a conflict
 * database holds them, with the aliases analysts search by (English renderings, Arabic script,
 * transliteration variants and noms de guerre), so that search and name folding meet realistic input.
 * Each list entry is [transliteration, English, Arabic].
 */
import type { Random } from './random.ts';

type Word = readonly [latin: string, english: string, arabic: string];

const FORMATIONS: readonly Word[] = [
  ['Jaysh', 'Army of', 'جيش'],
  ['Liwa', 'Brigade of', 'لواء'],
  ['Kataib', 'Battalions of', 'كتائب'],
  ['Harakat', 'Movement of', 'حركة'],
  ['Jabhat', 'Front of', 'جبهة'],
  ['Faylaq', 'Legion of', 'فيلق'],
  ['Tajammu', 'Gathering of', 'تجمع'],
  ['Firqat', 'Division of', 'فرقة'],
  ['Saraya', 'Companies of', 'سرايا'],
  ['Katibat', 'Battalion of', 'كتيبة'],
  ['Fawj', 'Regiment of', 'فوج'],
  ['Ahrar', 'Free Men of', 'أحرار'],
];

const IDEALS: readonly Word[] = [
  ['al-Nasr', 'Victory', 'النصر'],
  ['al-Fath', 'Conquest', 'الفتح'],
  ['al-Izza', 'Glory', 'العزة'],
  ['al-Sham', 'the Levant', 'الشام'],
  ['al-Tawhid', 'Unity', 'التوحيد'],
  ['al-Haqq', 'Truth', 'الحق'],
  ['al-Furqan', 'the Criterion', 'الفرقان'],
  ['al-Mujahidin', 'the Fighters', 'المجاهدين'],
  ['al-Umma', 'the Nation', 'الأمة'],
  ['al-Iman', 'Faith', 'الإيمان'],
  ['al-Huda', 'Guidance', 'الهدى'],
  ['al-Thawra', 'the Revolution', 'الثورة'],
  ['al-Karama', 'Dignity', 'الكرامة'],
  ['al-Tahrir', 'Liberation', 'التحرير'],
  ['al-Nur', 'Light', 'النور'],
  ['al-Ansar', 'the Supporters', 'الأنصار'],
  ['al-Asala', 'Authenticity', 'الأصالة'],
  ['al-Wafa', 'Loyalty', 'الوفاء'],
  ['al-Sumud', 'Steadfastness', 'الصمود'],
  ['al-Jabal', 'the Mountain', 'الجبل'],
  ['al-Badiya', 'the Desert', 'البادية'],
  ['al-Sahil', 'the Coast', 'الساحل'],
  ['Suqur al-Ghab', 'Falcons of al-Ghab', 'صقور الغاب'],
  ['Usud al-Sunna', 'Lions of the Sunna', 'أسود السنة'],
  ['Shuhada al-Islam', 'Martyrs of Islam', 'شهداء الإسلام'],
  ['al-Muntasir Billah', 'the Victorious by God', 'المنتصر بالله'],
  ['al-Sultan Murad', 'Sultan Murad', 'السلطان مراد'],
  ['al-Hamza', 'Hamza', 'الحمزة'],
  ['al-Mutasim', 'al-Mutasim', 'المعتصم'],
  ['al-Rahman', 'the Merciful', 'الرحمن'],
];

/** Towns and districts; the place list and the suffixes of faction names draw on them. */
const TOWNS: readonly (readonly [string, string])[] = [
  ['Idlib', 'إدلب'],
  ['Hama', 'حماة'],
  ['Homs', 'حمص'],
  ['Aleppo', 'حلب'],
  ['Daraa', 'درعا'],
  ['Raqqa', 'الرقة'],
  ['Deir ez-Zor', 'دير الزور'],
  ['Latakia', 'اللاذقية'],
  ['Douma', 'دوما'],
  ['Darayya', 'داريا'],
  ['Murak', 'مورك'],
  ['Kafr Zita', 'كفرزيتا'],
  ['Kafr Nabudah', 'كفرنبودة'],
  ['Khan Shaykhun', 'خان شيخون'],
  ['Maarat al-Numan', 'معرة النعمان'],
  ['Saraqib', 'سراقب'],
  ['Jisr al-Shughur', 'جسر الشغور'],
  ['Qalaat al-Madiq', 'قلعة المضيق'],
  ['al-Lataminah', 'اللطامنة'],
  ['Halfaya', 'حلفايا'],
  ['Tal Rifaat', 'تل رفعت'],
  ['Azaz', 'أعزاز'],
  ['al-Bab', 'الباب'],
  ['Jarabulus', 'جرابلس'],
  ['Manbij', 'منبج'],
  ['Afrin', 'عفرين'],
  ['Ariha', 'أريحا'],
  ['Binnish', 'بنش'],
  ['Taftanaz', 'تفتناز'],
  ['Sarmin', 'سرمين'],
  ['al-Atarib', 'الأتارب'],
  ['Darat Izza', 'دارة عزة'],
  ['Busra al-Sham', 'بصرى الشام'],
  ['Nawa', 'نوى'],
  ['Inkhil', 'إنخل'],
  ['Jasim', 'جاسم'],
  ['Tafas', 'طفس'],
  ['Yabroud', 'يبرود'],
  ['Zabadani', 'الزبداني'],
  ['Rastan', 'الرستن'],
  ['Talbiseh', 'تلبيسة'],
  ['Qusayr', 'القصير'],
  ['Palmyra', 'تدمر'],
  ['Mayadin', 'الميادين'],
  ['Abu Kamal', 'البوكمال'],
  ['Hasakah', 'الحسكة'],
  ['Qamishli', 'القامشلي'],
  ['Salamiyah', 'السلمية'],
  ['Kafr Nubl', 'كفرنبل'],
  ['Sahl al-Ghab', 'سهل الغاب'],
];

const PLACE_PREFIXES = ['', 'Tall', 'Kafr', 'Khirbat', 'Ayn', 'Dayr', 'Bayt', 'Qasr', 'Jabal'];
const PLACE_SUFFIXES = ['', 'al-Sharqi', 'al-Gharbi', 'al-Shamali', 'al-Janubi', 'al-Kabir', 'al-Saghir'];
const PLACE_KINDS = ['town', 'village', 'city', 'district', 'hill', 'airbase', 'crossing'];

const GIVEN: readonly (readonly [string, string])[] = [
  ['Muhammad', 'محمد'],
  ['Ahmad', 'أحمد'],
  ['Abdullah', 'عبد الله'],
  ['Omar', 'عمر'],
  ['Ali', 'علي'],
  ['Hassan', 'حسن'],
  ['Khalid', 'خالد'],
  ['Mahmoud', 'محمود'],
  ['Mustafa', 'مصطفى'],
  ['Ibrahim', 'إبراهيم'],
  ['Youssef', 'يوسف'],
  ['Jamil', 'جميل'],
  ['Fadi', 'فادي'],
  ['Samir', 'سمير'],
  ['Walid', 'وليد'],
  ['Moussa', 'موسى'],
  ['Muhannad', 'مهند'],
  ['Alaa', 'علاء'],
  ['Hamza', 'حمزة'],
  ['Bilal', 'بلال'],
  ['Tariq', 'طارق'],
  ['Fares', 'فارس'],
  ['Wael', 'وائل'],
  ['Yasser', 'ياسر'],
];

const FAMILY: readonly (readonly [string, string])[] = [
  ['al-Omar', 'العمر'],
  ['Mansour', 'منصور'],
  ['Junaid', 'جنيد'],
  ['al-Halabi', 'الحلبي'],
  ['al-Hamwi', 'الحموي'],
  ['al-Idlibi', 'الإدلبي'],
  ['al-Shami', 'الشامي'],
  ['al-Saleh', 'الصالح'],
  ['Haj Ali', 'حاج علي'],
  ['Qassem', 'قاسم'],
  ['Darwish', 'درويش'],
  ['al-Khatib', 'الخطيب'],
  ['Abboud', 'عبود'],
  ['Sultan', 'سلطان'],
  ['Barakat', 'بركات'],
  ['Ismail', 'إسماعيل'],
  ['Othman', 'عثمان'],
  ['Zeidan', 'زيدان'],
  ['Hijazi', 'حجازي'],
  ['Rashid', 'راشد'],
];

const RANKS = ['Major', 'Captain', 'Colonel', 'Lieutenant', 'Brigadier General', 'Sheikh', 'First Lieutenant'];
const OCCUPATIONS = ['defected officer', 'cleric', 'media activist', 'engineer', 'teacher', 'smuggler'];

/** What a faction is called: its name and the aliases it is searched by. */
export interface Naming {
  name: string;
  aliases: string[];
}

/** A faction's name: a formation and an ideal or a hero, sometimes a home town. */
export function factionName(random: Random): Naming {
  const [latin, english, arabic] = random.pick(FORMATIONS);
  const [ideal, idealEnglish, idealArabic] = random.pick(IDEALS);
  const town = random.chance(0.35) ? random.pick(TOWNS) : null;
  const name = `${latin} ${ideal}${town ? ` ${town[0]}` : ''}`;
  const aliases = [`${english} ${idealEnglish}${town ? ` in ${town[0]}` : ''}`];
  if (random.chance(0.6)) aliases.push(`${arabic} ${idealArabic}${town ? ` ${town[1]}` : ''}`);
  if (random.chance(0.3)) aliases.push(name.replace('Jaysh', 'Jaish').replace('al-', 'al '));
  return { name, aliases };
}

/** A person: given and family name, a kunya (Abu …) as alias, sometimes the Arabic script. */
export function personName(random: Random): Naming {
  const [given, givenArabic] = random.pick(GIVEN);
  const [family, familyArabic] = random.pick(FAMILY);
  const aliases = [`Abu ${random.pick(GIVEN)[0]} ${family}`];
  if (random.chance(0.5)) aliases.push(`${givenArabic} ${familyArabic}`);
  return { name: `${given} ${family}`, aliases };
}

export const rankOf = (random: Random) => (random.chance(0.6) ? random.pick(RANKS) : undefined);
export const occupationOf = (random: Random) => (random.chance(0.15) ? random.pick(OCCUPATIONS) : undefined);

/** A place: one of the towns, or a village or hill named after one. */
export function placeName(random: Random, index: number): Naming & { kind: string } {
  const [town, arabic] = TOWNS[index % TOWNS.length]!;
  if (index < TOWNS.length) return { name: town, aliases: [arabic], kind: index < 9 ? 'city' : 'town' };
  const prefix = random.pick(PLACE_PREFIXES);
  const suffix = random.pick(PLACE_SUFFIXES);
  const name = [prefix, town, suffix].filter(Boolean).join(' ');
  return { name, aliases: [], kind: random.pick(PLACE_KINDS) };
}

/** A town's name for an event's place or a headline. */
export const townName = (random: Random) => random.pick(TOWNS)[0];
