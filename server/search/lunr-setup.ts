// lunr with the Dutch and French stemmers and stop words of lunr-languages, registered once.
import { createRequire } from 'node:module';
import lunr from 'lunr';

const require = createRequire(import.meta.url);
require('lunr-languages/lunr.stemmer.support.js')(lunr);
require('lunr-languages/lunr.nl.js')(lunr);
require('lunr-languages/lunr.fr.js')(lunr);

type PipelineFn = lunr.PipelineFunction;
interface LanguagePack {
  stemmer: PipelineFn;
  stopWordFilter: PipelineFn;
}

export const languagePacks = {
  nl: (lunr as unknown as { nl: LanguagePack }).nl,
  fr: (lunr as unknown as { fr: LanguagePack }).fr,
};

export { lunr };
