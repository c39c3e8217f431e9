/**
 * Finds what looks English in text a Vietnamese interface shows (pure: no DOM, no I/O).
 *
 * A "run" is a stretch of words on one line with no Vietnamese letter in it (a Vietnamese word,
 * a line break or an ignored piece ends it). A run is English when it holds one of ENGLISH_WORDS:
 * common English words of an admin interface, none of them a Vietnamese syllable written
 * without marks ("an", "in", "to", "do", "can", "may" and the like are left out on purpose).
 * Product names and acronyms (Strapi, Markdown, JSON, URL, API, Email, Token, Webhook …) are
 * not in the list, so they pass. Before that, e-mail addresses, URLs, paths, file names, slugs,
 * content-type uids, codes (PAKN.…) and the caller's allowed phrases are taken out. A message id
 * react-intl shows because it has no text (`content-manager.containers.list.items`) is English too.
 */

/** Common English words of an admin interface (lower case). */
export const ENGLISH_WORDS: ReadonlySet<string> = new Set(
  `the of and or for with from into your you this that these those are is was be been being has have had
  not no yes all none more less new old first last next previous back here there please sure want will would
  could should must only also just than then what how when where who which why if it its as at by up out off
  don't can't won't doesn't isn't you're you've we'll let's there's it's
  entries entry item items create created creating add added adding edit edited editing update updated
  updating delete deleted deleting remove removed save saved saving cancel canceled cancelled confirm close
  open publish published publishing unpublish unpublished draft drafts modified discard restore reset clear
  apply continue done skip select selected search filter filters sort found result results loading loaded
  load error errors success successfully failed failure warning required optional empty available unavailable
  content contents manager collection collections single types type media library asset assets file files
  folder folders upload uploaded uploading download settings setting profile password login logout log sign
  signed account user users role roles permission permissions language interface theme light dark system help
  documentation docs welcome home dashboard general overview list grid table view views page pages show hide
  display name title description status actions action date time size today yesterday ago hour hours minute
  minutes second seconds day days week weeks month months year years january february march april june july
  august september october november december monday tuesday wednesday thursday friday saturday sunday field
  fields component components relation relations locale locales release releases stage stages workflow
  workflows review assignee preview history version versions copy copied link duplicate drag drop browse
  introducing check read post banner using revamped learn about widget widgets statistics activity recent
  chart project deploy tour guided step got something went wrong whoops`
    .split(/\s+/)
    .filter(Boolean),
);

/** Names that stay as they are in a Vietnamese interface, even where they hold a listed word. */
export const ALLOWED_NAMES: readonly string[] = ['Strapi Cloud', 'Strapi AI', 'Strapi', 'Markdown', 'JSON', 'URL', 'API', 'ID', 'UID', 'POST', 'GET', 'PUT', 'PATCH', 'Back-end', 'Front-end'];

/** Letters only Vietnamese has among Latin scripts (any of them makes a word Vietnamese). */
const VIETNAMESE_LETTER = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/iu;

/** A message id shown in place of its text: three or more dotted parts, letters first. */
const MESSAGE_ID = /(?<![\w.@/-])[a-zA-Z][\w-]*(?:\.[a-zA-Z][\w-]*){2,}(?![\w.@/-])/g;

/** Pieces that are not interface language, taken out before looking for message ids (order matters). */
const IGNORED_FIRST: readonly RegExp[] = [
  // e-mail addresses
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g,
  // URLs, with or without a scheme
  /\b(?:https?:\/\/|www\.)\S+/gi,
  /\b[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org|io|gov|edu|local|test|info)\b(?:\/\S*)?/gi,
  // content-type uids (plugin::cchc.article, api::x.y)
  /\b\w+::[\w.-]+/g,
];

/** Then, before looking for words. */
const IGNORED: readonly RegExp[] = [
  // paths (/admin/plugins/cchc)
  /(?<![\w.])\/[\w\-./?=&%#:]+/g,
  // file names, with their folders
  /[\w./-]+\.(?:png|jpe?g|gif|webp|svg|avif|ico|pdf|docx?|xlsx?|pptx?|odt|ods|csv|zip|txt|json|md|wav|mp3|mp4|m4a|ogg|webm|mov)\b/gi,
  // Strapi's document ids (24 lower-case letters and digits), shown in logs and links
  /\b(?=[a-z0-9]*\d)[a-z0-9]{16,}\b/g,
  // slugs and enumeration values: lower-case parts joined by hyphens (the-che, tin-ngan)
  /\b[a-z0-9]+(?:-[a-z0-9]+)+\b/g,
  // codes: PAKN.20250314.0007, 854/QĐ-UBND, KH-45-BCĐ
  /\b[A-Z]{2,}[.\-/][\p{L}\d.\-/]+/gu,
];

/** A boundary that ends a run (never typed in an interface). */
const CUT = '\n';

export interface EnglishOptions {
  /** More phrases that may stay (seeded English names of the committee, for instance). */
  allow?: readonly string[];
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The pieces of `text` that look English: each English run (as it stands in the text) and each
 * message id shown instead of its text, in order, without repeats. Empty: nothing English.
 */
export function findEnglish(text: string, options: EnglishOptions = {}): string[] {
  const found: string[] = [];
  let rest = text.normalize('NFC');
  for (const phrase of [...(options.allow ?? [])].sort((a, b) => b.length - a.length)) {
    if (phrase.trim()) rest = rest.split(phrase.normalize('NFC')).join(CUT);
  }
  for (const name of [...ALLOWED_NAMES].sort((a, b) => b.length - a.length)) {
    rest = rest.replace(new RegExp(`(?<![\\p{L}\\p{M}])${escapeRegExp(name)}(?![\\p{L}\\p{M}])`, 'gu'), CUT);
  }
  for (const pattern of IGNORED_FIRST) rest = rest.replace(pattern, CUT);
  for (const id of rest.match(MESSAGE_ID) ?? []) found.push(id);
  rest = rest.replace(MESSAGE_ID, CUT);
  for (const pattern of IGNORED) rest = rest.replace(pattern, CUT);

  for (const line of rest.split(CUT)) {
    let run: { start: number; end: number; english: boolean } | null = null;
    const close = () => {
      if (run?.english) found.push(line.slice(run.start, run.end));
      run = null;
    };
    for (const word of line.matchAll(/[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu)) {
      const start = word.index;
      const end = start + word[0].length;
      if (VIETNAMESE_LETTER.test(word[0])) {
        close();
        continue;
      }
      const english = ENGLISH_WORDS.has(word[0].toLowerCase().replace(/’/g, "'"));
      if (run) {
        run.end = end;
        run.english ||= english;
      } else run = { start, end, english };
    }
    close();
  }
  return [...new Set(found.map((s) => s.trim()).filter(Boolean))];
}
