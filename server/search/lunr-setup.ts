// lunr with the stemmers and stop words of lunr-languages for each of our languages, registered once.
import { createRequire } from 'node:module';
import lunr from 'lunr';
import { everyLanguage, LANGUAGES, type Lang } from '../i18n/languages';

const require = createRequire(import.meta.url);
require('lunr-languages/lunr.stemmer.support.js')(lunr);
for (const lang of LANGUAGES) require(`lunr-languages/lunr.${lang}.js`)(lunr);

type PipelineFn = lunr.PipelineFunction;
interface LanguagePack {
  stemmer: PipelineFn;
  stopWordFilter: PipelineFn;
}

export const languagePacks: Record<Lang, LanguagePack> = everyLanguage(
  (lang) => (lunr as unknown as Record<Lang, LanguagePack>)[lang],
);

export { lunr };
