// The market engagement pool's vocabulary and records: announcements of planned procurements, subscribers,
// agenda events with registrations, purchasing centrals with their framework contracts.
import type { Lang } from '../i18n/languages';

export const ANNOUNCEMENT_STATUSES = [
  'unconfirmed', // the buyer has not yet clicked the e-mailed link
  'pending_review',
  'changes_requested',
  'published',
  'refused',
  'withdrawn',
  'noticed', // published as a contract notice: the planning phase is over
] as const;
export type AnnouncementStatus = (typeof ANNOUNCEMENT_STATUSES)[number];

/** Statuses the public pages and the API show. */
export const PUBLIC_STATUSES: AnnouncementStatus[] = ['published', 'noticed'];

export const VALUE_RANGES = ['lt_30k', '30k_140k', '140k_eu', 'gt_eu'] as const;
export type ValueRange = (typeof VALUE_RANGES)[number];

export const EVENT_TYPES = ['meet_the_buyer', 'information_session', 'market_consultation', 'training'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** The language an event is held in: one of ours, or several. */
export const EVENT_LANGUAGE_MULTI = 'multilingual';

export const CENTRAL_LEVELS = ['regional', 'federal', 'sectoral'] as const;
export type CentralLevel = (typeof CENTRAL_LEVELS)[number];

export interface Announcement {
  id: number;
  status: AnnouncementStatus;
  title: string;
  authority: string;
  category: string;
  cpv: string | null;
  theme: string | null;
  orgCode: string;
  valueRange: ValueRange;
  quarter: string;
  lots: number;
  consultationPlanned: boolean;
  consultationDate: string | null;
  consultationPlace: string | null;
  contactEmail: string;
  contactPhone: string | null;
  description: Partial<Record<Lang, string>>;
  submitterEmail: string | null;
  lang: Lang;
  reviewReason: string | null;
  createdAt: Date;
  publishedAt: Date | null;
}

export interface Subscriber {
  id: number;
  email: string;
  lang: Lang;
  categories: string[];
  cpvPrefixes: string[];
  isSme: boolean;
  isSocialEconomy: boolean;
  immediate: boolean;
  status: 'pending' | 'confirmed';
  createdAt: Date;
  confirmedAt: Date | null;
  lastDigestAt: Date | null;
}

export interface MarketEvent {
  id: number;
  orgCode: string;
  type: EventType;
  title: Record<Lang, string>;
  description: Record<Lang, string>;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  onlineUrl: string | null;
  language: string;
  category: string | null;
  announcementId: number | null;
  capacity: number;
  status: 'scheduled' | 'cancelled';
  sequence: number;
}

export type RegistrationStatus = 'unconfirmed' | 'registered' | 'waiting' | 'cancelled';

export interface Registration {
  id: number;
  eventId: number;
  name: string | null;
  email: string | null;
  organisation: string | null;
  lang: Lang;
  status: RegistrationStatus;
  createdAt: Date;
  confirmedAt: Date | null;
}

export interface Central {
  id: number;
  name: Record<Lang, string>;
  level: CentralLevel;
  website: string | null;
  contactEmail: string;
}

export interface Framework {
  id: number;
  centralId: number;
  category: string;
  title: Record<Lang, string>;
  scope: Record<Lang, string>;
  cpv: string[];
  endsOn: string;
  whoMayJoin: Record<Lang, string>;
  contactEmail: string;
  clauseIds: string[];
  sustainability: Record<Lang, string>;
}

/** "2027-Q1" style planned publication quarters. */
export const QUARTER_PATTERN = /^\d{4}-Q[1-4]$/;

/** Does a CPV code fall under one of the prefixes a firm follows? */
export function matchesCpv(cpv: string | null, prefixes: string[]): boolean {
  return !!cpv && prefixes.some((p) => cpv.startsWith(p));
}
