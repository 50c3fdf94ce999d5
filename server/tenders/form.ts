// The buyer's tender form: what it holds between pages (session) and how it becomes a TenderRequest.
import type { Request } from 'express';
import type { Lang } from '../i18n/languages';
import type { SelectedClause } from './selection';
import { parseLang } from '../i18n/languages';
import { MAX_CLAUSES } from './model';

export interface TenderFormValues {
  lang: Lang;
  authority: string;
  title: string;
  reference: string;
  procedure: string;
  contractType: string;
  estimatedValue: string;
  durationDays: string;
  lots: string;
  category: string;
  level: string;
  weights: Record<string, string>;
  parameters: Record<string, Record<string, string>>;
  /** Clauses revised since they were chosen whose chosen version the buyer keeps (else the newer one prints). */
  keepVersions?: string[];
}

declare module 'express-session' {
  interface SessionData {
    tenderForm?: TenderFormValues;
  }
}

const str = (value: unknown, max = 1000) => (typeof value === 'string' ? value.slice(0, max) : '');
const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

export function emptyForm(lang: Lang, context: { category?: string; level?: string } = {}): TenderFormValues {
  return {
    lang,
    authority: '',
    title: '',
    reference: '',
    procedure: 'open',
    contractType: '',
    estimatedValue: '',
    durationDays: '',
    lots: '',
    category: context.category ?? '',
    level: context.level ?? '',
    weights: {},
    parameters: {},
    keepVersions: [],
  };
}

export function formFromBody(req: Request, fallbackLang: Lang): TenderFormValues {
  const body = record(req.body);
  const lang = parseLang(body.lang, fallbackLang);
  const weights = Object.fromEntries(
    Object.entries(record(body.weights)).map(([k, v]) => [k.slice(0, 30), str(v, 20)]),
  );
  const parameters = Object.fromEntries(
    Object.entries(record(body.parameters)).map(([id, values]) => [
      id.slice(0, 30),
      Object.fromEntries(Object.entries(record(values)).map(([k, v]) => [k.slice(0, 50), str(v, 500)])),
    ]),
  );
  // versions[ID] = "kept" | "latest": the choice for a clause revised since it was chosen.
  const keepVersions = Object.entries(record(body.versions))
    .filter(([, choice]) => choice === 'kept')
    .map(([id]) => id.slice(0, 30).toUpperCase())
    .slice(0, MAX_CLAUSES);
  return {
    lang,
    keepVersions,
    authority: str(body.authority, 300),
    title: str(body.title, 400),
    reference: str(body.reference, 150),
    procedure: str(body.procedure, 60),
    contractType: str(body.contractType, 20),
    estimatedValue: str(body.estimatedValue, 30),
    durationDays: str(body.durationDays, 10),
    lots: str(body.lots, 20_000),
    category: str(body.category, 40),
    level: str(body.level, 20),
    weights,
    parameters,
  };
}

/** The request the service validates; numbers stay as typed (the schema reads them the Belgian way). */
export function requestFromForm(form: TenderFormValues, selection: SelectedClause[]): Record<string, unknown> {
  const typed = (value: string) => (value.trim() === '' ? undefined : value.trim());
  const weights = Object.fromEntries(
    Object.entries(form.weights)
      .map(([k, v]) => [k, typed(v)])
      .filter(([, v]) => v !== undefined),
  );
  return {
    lang: form.lang,
    authority: form.authority,
    title: form.title,
    reference: form.reference,
    procedure: form.procedure,
    ...(form.contractType ? { contractType: form.contractType } : {}),
    ...(typed(form.estimatedValue) !== undefined ? { estimatedValue: typed(form.estimatedValue) } : {}),
    ...(typed(form.durationDays) !== undefined ? { durationDays: typed(form.durationDays) } : {}),
    ...(form.category ? { category: form.category } : {}),
    ...(form.level ? { level: form.level } : {}),
    lots: form.lots
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((name) => ({ name })),
    clauseIds: selection.map((c) => c.id),
    selectedVersions: Object.fromEntries(selection.filter((c) => c.version > 0).map((c) => [c.id, c.version])),
    keepVersions: (form.keepVersions ?? []).filter((id) => selection.some((c) => c.id === id)),
    parameters: form.parameters,
    ...(Object.keys(weights).length > 0 ? { weights } : {}),
  };
}

/** A link that rebuilds the same selection elsewhere: ids with the versions chosen, and the context. */
export function shareLink(
  lang: Lang,
  selection: SelectedClause[],
  context: { category?: string; level?: string; keepVersions?: string[] },
): string {
  const params = new URLSearchParams({ c: selection.map((c) => `${c.id}@${c.version}`).join(',') });
  if (context.category) params.set('category', context.category);
  if (context.level) params.set('level', context.level);
  const keep = (context.keepVersions ?? []).filter((id) => selection.some((c) => c.id === id));
  if (keep.length > 0) params.set('keep', keep.join(','));
  return `/${lang}/tender/shared?${params.toString()}`;
}

export function parseShared(value: unknown): SelectedClause[] {
  if (typeof value !== 'string') return [];
  return value
    .split(',')
    .slice(0, MAX_CLAUSES)
    .map((part) =>
      part
        .trim()
        .toUpperCase()
        .match(/^([A-Z]{3}-[A-Z0-9]{2,6}-\d{3})(?:@(\d{1,4}))?$/),
    )
    .filter((m): m is RegExpMatchArray => !!m)
    .map((m) => ({ id: m[1], version: Number(m[2] ?? 0) }));
}
