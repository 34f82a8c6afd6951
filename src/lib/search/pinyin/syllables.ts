/**
 * Pinyin as a reader types it into the search field, read as syllables:
 * toneless (`kejieshixing`), with tone marks (`kě jiě shì xìng`) or tone
 * numbers (`ke3jie3shi4xing4`), with or without spaces. A query that is
 * not wholly pinyin (a Han character, a letter no syllable holds there,
 * punctuation) has no reading. Pure: the build reads its readings with
 * `soundOf` and the browser its queries with `readPinyin`, so both spell
 * a syllable alike.
 */

/** One syllable: its sound (lower case, ü as `v`) and its tone, 1 to 4, or 5 for the neutral tone. */
export interface Syllable {
  sound: string;
  /** Undefined where the reader typed none: any tone matches. */
  tone?: number | undefined;
}

/**
 * Every sound pinyin-pro gives a character of the CJK block (the test
 * pins the list against it), but the syllabic m, n, ng and hng, said
 * alone and almost never in text a reader would look for, which would
 * read the n of every English word as a syllable.
 */
const SOUNDS = new Set(
  `a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang
  cao ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang
  chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den deng di dia dian diao
  die ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng fo fou fu ga gai
  gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo ha hai han hang hao he hei
  hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju
  juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo la lai
  lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo long lou lu luan lun luo lv lve
  ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne
  nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nuo nv nve o ou pa pai pan pang
  pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu
  qu quan que qun ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo sa sai san sang sao se
  sen seng sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun
  shuo si song sou su suan sui sun suo ta tai tan tang tao te tei teng ti tian tiao tie ting tong tou
  tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu
  xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze
  zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan
  zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo`.split(/\s+/u),
);

export function isSound(sound: string): boolean {
  return SOUNDS.has(sound);
}

/** lüe and nüe as most keyboards type them, without the ü. */
const TYPED_AS = new Map([
  ['lue', 'lve'],
  ['nue', 'nve'],
]);

/** The longest sound: zhuang. */
const LONGEST = 6;

/** The combining tone marks (after NFD), by tone. */
const TONE_MARKS = new Map([
  ['\u0304', 1],
  ['\u0301', 2],
  ['\u030c', 3],
  ['\u0300', 4],
]);
const DIAERESIS = '\u0308';
/** ê (e with a circumflex) is read as e. */
const CIRCUMFLEX = '\u0302';

/**
 * A reading as pinyin-pro writes it in tone marks (`jiě`, `nǚ`, `de`) as
 * a syllable: its sound, toneless with ü as `v`, and its tone, 5 where it
 * has no mark.
 */
export function soundOf(reading: string): Syllable {
  let sound = '';
  let tone = 5;
  for (const character of reading.normalize('NFD').toLowerCase()) {
    const marked = TONE_MARKS.get(character);
    if (marked !== undefined) tone = marked;
    else if (character === DIAERESIS) sound = sound.replace(/u$/u, 'v');
    else if (character !== CIRCUMFLEX) sound += character;
  }
  return { sound, tone };
}

/** A letter of the query, with the tone mark on it if any. */
interface Letter {
  letter: string;
  tone?: number;
}

/**
 * The longest query read as pinyin, in letters: a phrase of a dozen
 * syllables or so. A pasted page is no pinyin, and reading its every
 * split would take time in proportion to its length squared.
 */
export const MOST_LETTERS = 64;

/** At most this many readings of one query: more would only be fetched and not found. */
export const MOST_READINGS = 8;

/**
 * The ways a query reads as pinyin, fewer syllables first: none when it is
 * not wholly pinyin. A space, an apostrophe, a hyphen or a tone number
 * ends a syllable; elsewhere every split into sounds is a reading, so
 * `xian` reads as xian and as xi an, `fangan` as fang an and fan gan. A
 * syllable takes at most one tone. A query longer than `MOST_LETTERS` is
 * not read.
 */
export function readPinyin(input: string): Syllable[][] {
  if ((input.match(/[a-z]/giu)?.length ?? 0) > MOST_LETTERS) return [];
  const groups: Letter[][] = [[]];
  const group = () => groups.at(-1)!;
  for (const character of input.normalize('NFD').toLowerCase()) {
    const last = group().at(-1);
    const marked = TONE_MARKS.get(character);
    if (/[a-z]/u.test(character)) group().push({ letter: character });
    else if (marked !== undefined && last && last.tone === undefined) last.tone = marked;
    else if (character === DIAERESIS && last?.letter === 'u') last.letter = 'v';
    else if (/[0-5]/u.test(character) && last && last.tone === undefined) {
      last.tone = character === '0' ? 5 : Number(character);
      groups.push([]);
    } else if (/[\s'’-]/u.test(character)) groups.push([]);
    else if (character !== CIRCUMFLEX) return [];
  }
  let readings: Syllable[][] = [[]];
  for (const letters of groups) {
    if (letters.length === 0) continue;
    const splits = splitsOf(letters);
    readings = readings
      .flatMap((reading) => splits.map((split) => [...reading, ...split]))
      .sort((a, b) => a.length - b.length)
      .slice(0, MOST_READINGS);
    if (readings.length === 0) return [];
  }
  return readings[0]!.length > 0 ? readings : [];
}

/** The splits of one group of letters into syllables, fewest syllables first. */
function splitsOf(letters: readonly Letter[]): Syllable[][] {
  // From each position, the splits of the letters from there on: built from the end.
  const from: Syllable[][][] = new Array(letters.length + 1);
  from[letters.length] = [[]];
  for (let start = letters.length - 1; start >= 0; start--) {
    const splits: Syllable[][] = [];
    for (let end = start + 1; end <= Math.min(letters.length, start + LONGEST); end++) {
      const part = letters.slice(start, end);
      const typed = part.map(({ letter }) => letter).join('');
      const sound = TYPED_AS.get(typed) ?? typed;
      const tones = part.flatMap(({ tone }) => (tone === undefined ? [] : [tone]));
      if (!SOUNDS.has(sound) || tones.length > 1) continue;
      for (const rest of from[end]!) splits.push([{ sound, tone: tones[0] }, ...rest]);
    }
    from[start] = splits.sort((a, b) => a.length - b.length).slice(0, MOST_READINGS);
  }
  return from[0]!;
}
