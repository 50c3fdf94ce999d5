// Message catalogs and the lookup used by views, e-mails and errors. Each language has a main file
// (`messages/nl.json`) and may have one file per domain (`messages/observatory.nl.json`); their keys must not overlap.
import fs from 'node:fs';
import path from 'node:path';
import { LANGUAGES, type Lang } from './languages';
import { countOf, pluralCategory } from './plural';

type Tree = { [key: string]: string | Tree };
export type Params = Record<string, string | number | undefined | null>;

const MESSAGES_DIR = path.join(import.meta.dirname, 'messages');

export function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

export function loadCatalog(lang: Lang, dir = MESSAGES_DIR): Map<string, string> {
  const files = fs
    .readdirSync(dir)
    .filter((name) => name === `${lang}.json` || name.endsWith(`.${lang}.json`))
    .sort();
  const out = new Map<string, string>();
  for (const name of files) {
    for (const [key, text] of flatten(JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as Tree)) {
      if (out.has(key)) throw new Error(`message ${key} is defined twice (again in ${name})`);
      out.set(key, text);
    }
  }
  return out;
}

export const catalogs: Record<Lang, Map<string, string>> = Object.fromEntries(
  LANGUAGES.map((lang) => [lang, loadCatalog(lang)]),
) as Record<Lang, Map<string, string>>;

/** The message of a key; a key with plural forms (`key.one`, `key.other`) gives the form of `params.count`. */
function templateOf(lang: Lang, key: string, params: Params): string | undefined {
  const catalog = catalogs[lang];
  const template = catalog.get(key);
  if (template !== undefined) return template;
  const count = countOf(params.count);
  if (count === undefined) return undefined;
  return catalog.get(`${key}.${pluralCategory(lang, count)}`) ?? catalog.get(`${key}.other`);
}

/** Looks a key up and fills {placeholders}; an unknown key comes back as itself so a gap is visible, not fatal. */
export function translate(lang: Lang, key: string, params: Params = {}): string {
  const template = templateOf(lang, key, params);
  if (template === undefined) return key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined || value === null ? whole : String(value);
  });
}

/** The message of a key, or `fallback` when the catalog has none (for labels of codes that may be new). */
export function translateOr(lang: Lang, key: string, fallback: string, params: Params = {}): string {
  return templateOf(lang, key, params) === undefined ? fallback : translate(lang, key, params);
}
