// A small Handlebars view engine for Express: views/ for pages, views/layouts/ for the page shell,
// views/partials/ for shared pieces; templates are compiled once when caching is on.
import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { catalogs, translate } from '../i18n/catalog';
import { DEFAULT_LANG, isLang } from '../i18n/languages';
import { typesetHtml } from '../i18n/typography';
import { registerHelpers } from './helpers/index';

type RenderCallback = (err: Error | null, html?: string) => void;

export interface ViewEngineOptions {
  viewsDir: string;
  cache: boolean;
}

function listTemplates(dir: string, base = dir): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listTemplates(full, base);
    return entry.name.endsWith('.hbs') ? [full] : [];
  });
}

export function createViewEngine({ viewsDir, cache }: ViewEngineOptions) {
  const hbs = Handlebars.create();
  registerHelpers(hbs);
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  let partialsLoaded = false;

  const loadPartials = () => {
    const partialsDir = path.join(viewsDir, 'partials');
    for (const file of listTemplates(partialsDir)) {
      const name = path
        .relative(partialsDir, file)
        .replace(/\.hbs$/, '')
        .split(path.sep)
        .join('/');
      hbs.registerPartial(name, fs.readFileSync(file, 'utf8'));
    }
    partialsLoaded = true;
  };

  const template = (file: string) => {
    const hit = cache ? compiled.get(file) : undefined;
    if (hit) return hit;
    // preventIndent: an indented partial call must not indent textarea contents (it changed saved texts).
    const fn = hbs.compile(fs.readFileSync(file, 'utf8'), { strict: false, preventIndent: true });
    if (cache) compiled.set(file, fn);
    return fn;
  };

  /**
   * The page's meta description: the route's own (`description`), else the view's catalog entry
   * `meta.<folder>.<view>` filled with the page's values (its title), else the site's.
   */
  const describe = (filePath: string, options: Record<string, unknown>): string => {
    if (typeof options.description === 'string' && options.description) return options.description;
    const lang = isLang(options.lang) ? options.lang : DEFAULT_LANG;
    const view = path
      .relative(viewsDir, filePath)
      .replace(/\.hbs$/, '')
      .split(path.sep)
      .join('.');
    const key = catalogs[lang].has(`meta.${view}`) ? `meta.${view}` : 'meta.site';
    return translate(lang, key, { title: options.title as string | undefined });
  };

  /** Renders a view inside its layout (options.layout, default "main"; false for none), typeset for its language. */
  const render = (filePath: string, options: Record<string, unknown>): string => {
    if (!cache || !partialsLoaded) loadPartials();
    const data = { root: options };
    const body = template(filePath)(options, { data });
    const layout = options.layout === undefined ? 'main' : options.layout;
    const lang = isLang(options.lang) ? options.lang : DEFAULT_LANG;
    if (!layout) return typesetHtml(lang, body);
    const layoutFile = path.join(viewsDir, 'layouts', `${String(layout)}.hbs`);
    const page = { ...options, body, description: describe(filePath, options) };
    return typesetHtml(lang, template(layoutFile)(page, { data: { root: page } }));
  };

  const expressEngine = (filePath: string, options: object, callback: RenderCallback) => {
    try {
      callback(null, render(filePath, options as Record<string, unknown>));
    } catch (err) {
      callback(err as Error);
    }
  };

  return { render, expressEngine, handlebars: hbs };
}
