// Registers every helper; one small file per helper.
import type Handlebars from 'handlebars';
import { array } from './array';
import { concat } from './concat';
import { eq } from './eq';
import { fileSize } from './file-size';
import { formatDate } from './format-date';
import { inc } from './inc';
import { includes } from './includes';
import { plural } from './plural';
import { t } from './t';

export function registerHelpers(hbs: typeof Handlebars): void {
  hbs.registerHelper({ t, plural, eq, includes, inc, formatDate, fileSize, concat, array });
}
