// The action plan of a contracting authority (MPDI 5) as a Word document: per chosen category, the base
// objectives (from its basis clauses) and optional ones, each with a target, a deadline and an owner to fill in.
import { Document, Paragraph, TableOfContents, TextRun, type FileChild } from 'docx';
import type { CategoryRecord } from '../clauses/repository';
import type { ClauseDocument } from '../clauses/schema';
import { translate } from '../i18n/catalog';
import type { ActionPlanRequest } from './model';
import {
  centered,
  heading,
  para,
  paragraphs,
  placeholder,
  safe,
  stylesFor,
  table,
  packDocument,
  type CellContent,
} from './docx-kit';
import { formatDate } from '../i18n/format';
import { localeOf } from '../i18n/languages';

export interface ActionPlanCategory {
  category: CategoryRecord;
  basis: ClauseDocument[];
  optional: ClauseDocument[];
}

export async function actionPlanDocument(
  request: ActionPlanRequest,
  categories: ActionPlanCategory[],
  now: Date,
): Promise<Buffer> {
  const lang = request.lang;
  const t = (key: string, params?: Record<string, string | number>) => translate(lang, key, params);
  const year = request.year ?? now.getUTCFullYear();
  const date = formatDate(lang, now);
  const fill = (key: string) => [new Paragraph({ children: [placeholder(t(key))] })];
  const rows = (clauses: ClauseDocument[]): CellContent[][] =>
    clauses.map((c) => [
      `${safe(c.title[lang], 300)}\n(${c.id}, ${t(`themes.${c.theme}`)})`,
      fill('plan.fill_target'),
      fill('plan.fill_deadline'),
      fill('plan.fill_owner'),
    ]);
  const headers = [t('plan.objective'), t('plan.target'), t('plan.deadline'), t('plan.owner')];
  const widths = [46, 22, 16, 16];

  const body: FileChild[] = [
    new Paragraph({ spacing: { before: 2400 } }),
    centered(request.authority, 28, true),
    new Paragraph({ heading: 'Title', alignment: 'center', children: [new TextRun(t('plan.title', { year }))] }),
    centered(`${t('doc.date')}: ${date}`, 22),
    centered(t('plan.generated_note'), 18),
    heading(1, t('doc.contents'), true),
    new TableOfContents(t('doc.contents'), { hyperlink: true, headingStyleRange: '1-3' }),
    heading(1, `1. ${t('plan.introduction')}`, true),
    ...paragraphs(t('plan.introduction_text')),
    para([new TextRun(`${t('plan.coordinator')}: `), placeholder(t('plan.fill_coordinator'))]),
  ];
  categories.forEach((entry, i) => {
    const n = i + 2;
    body.push(heading(1, `${n}. ${entry.category.name[lang]}`, true));
    body.push(...paragraphs(entry.category.intro[lang]));
    body.push(heading(2, `${n}.1 ${t('plan.base_objectives')}`));
    body.push(para([new TextRun(t('plan.base_objectives_text'))]));
    body.push(
      entry.basis.length > 0 ? table(headers, rows(entry.basis), widths) : para([placeholder(t('plan.fill_none'))]),
    );
    if (request.includeOptional) {
      body.push(heading(2, `${n}.2 ${t('plan.optional_objectives')}`));
      body.push(para([new TextRun(t('plan.optional_objectives_text'))]));
      body.push(
        entry.optional.length > 0
          ? table(headers, rows(entry.optional), widths)
          : para([placeholder(t('plan.fill_none'))]),
      );
    }
  });
  body.push(
    heading(1, `${categories.length + 2}. ${t('plan.monitoring')}`, true),
    ...paragraphs(t('plan.monitoring_text')),
    para([placeholder(t('plan.fill_monitoring'))]),
  );

  const properties = {
    title: t('plan.title', { year }),
    subject: t('plan.subject'),
    creator: safe(request.authority, 200),
  };
  const document = new Document({
    styles: stylesFor(localeOf(lang)),
    features: { updateFields: true },
    sections: [{ children: body }],
  });
  return packDocument(document, properties, lang, now);
}
