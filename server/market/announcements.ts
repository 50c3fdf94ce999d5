// Planned procurements: a buyer announces one without an account and confirms it by an e-mailed link
// (double opt-in); a facilitator of its theme's organisation (or a coordinator) publishes it, asks for a
// change (the buyer edits it through a private link) or refuses it with a reason; later it is withdrawn or
// marked "published as notice". Publishing tells the subscribers that follow its category.
import { hasRole, type CurrentUser } from '../accounts/roles';
import { hashToken, newToken } from '../accounts/tokens';
import type { Theme } from '../clauses/vocabulary';
import { toIso, type Clock } from '../db/time';
import { answeringOrganisation } from '../helpdesk/routing';
import { Conflict, Forbidden, NotFound, ValidationFailed } from '../http/errors';
import { LANGUAGES, suffixed, type Lang } from '../i18n/languages';
import type { AnnouncementFilter, AnnouncementRepository } from './announcement-repository';
import { announcementRules, announcementSchema, givenLanguages, parseWithRules, type AnnouncementInput } from './forms';
import type { MarketMail } from './mails';
import { PUBLIC_STATUSES, type Announcement, type AnnouncementStatus } from './model';

export type ReviewAction = 'publish' | 'request_change' | 'refuse' | 'withdraw' | 'mark_noticed';

/** Which status each staff action leads to, and from which statuses it may be taken. */
const MOVES: Record<ReviewAction, { from: AnnouncementStatus[]; to: AnnouncementStatus; needsReason: boolean }> = {
  publish: { from: ['pending_review'], to: 'published', needsReason: false },
  request_change: { from: ['pending_review'], to: 'changes_requested', needsReason: true },
  refuse: { from: ['pending_review', 'changes_requested'], to: 'refused', needsReason: true },
  withdraw: { from: ['published'], to: 'withdrawn', needsReason: false },
  mark_noticed: { from: ['published'], to: 'noticed', needsReason: false },
};

export interface AnnouncementHooks {
  categoryCodes(): Promise<Set<string>>;
  /** Called once an announcement is published (the subscriptions queue their notifications). */
  published(announcement: Announcement): Promise<void>;
  /** Who reviews the announcements of an organisation (the helpdesk's queue rule). */
  reviewers(orgCode: string, lang: Lang): Promise<{ email: string; lang: Lang }[]>;
}

export class AnnouncementService {
  constructor(
    private readonly repo: AnnouncementRepository,
    private readonly mail: MarketMail,
    private readonly clock: Clock,
    private readonly hooks: AnnouncementHooks,
  ) {}

  async parse(input: unknown): Promise<AnnouncementInput> {
    const parsed = parseWithRules(announcementSchema, input, announcementRules);
    if (!(await this.hooks.categoryCodes()).has(parsed.category))
      throw new ValidationFailed([{ field: 'category', messageKey: 'validation.one_of' }]);
    return parsed;
  }

  private columns(input: AnnouncementInput) {
    return {
      title: input.title,
      authority: input.authority,
      category: input.category,
      cpv: input.cpv ?? null,
      theme: input.theme ?? null,
      org_code: answeringOrganisation(input.theme as Theme | undefined),
      value_range: input.valueRange,
      quarter: input.quarter,
      lots: input.lots,
      consultation_planned: input.consultationPlanned,
      consultation_date: input.consultationPlanned ? (input.consultationDate ?? null) : null,
      consultation_place: input.consultationPlanned ? (input.consultationPlace ?? null) : null,
      contact_email: input.contactEmail.toLowerCase(),
      contact_phone: input.contactPhone ?? null,
      ...Object.fromEntries(
        LANGUAGES.map((l) => [suffixed('description', l), givenLanguages(input, 'description')[l] ?? null]),
      ),
      submitter_email: input.submitterEmail.toLowerCase(),
      lang: input.lang,
    };
  }

  /** Stores the announcement unconfirmed and e-mails the confirmation link to the submitter. */
  async announce(input: AnnouncementInput): Promise<number> {
    const now = toIso(this.clock.now());
    const confirm = newToken();
    const id = await this.repo.insert({
      ...this.columns(input),
      status: 'unconfirmed',
      confirm_token_hash: confirm.hash,
      created_at: now,
      updated_at: now,
    });
    await this.mail.send(input.submitterEmail, input.lang, 'announcement_confirm', {
      title: input.title,
      link: this.mail.pageUrl(input.lang, `/market/announce/confirm/${confirm.token}`),
    });
    return id;
  }

  /** The e-mailed link: the address is confirmed and the announcement waits for review. Clicking twice is fine. */
  async confirm(token: string): Promise<Announcement> {
    const found = await this.repo.findByToken('confirm_token_hash', hashToken(token));
    if (!found) throw new NotFound('market.errors.link_invalid');
    const confirmed = await this.repo.update(found.id, ['unconfirmed'], {
      status: 'pending_review',
      confirmed_at: toIso(this.clock.now()),
      updated_at: toIso(this.clock.now()),
    });
    if (confirmed) await this.tellReviewers(found);
    return (await this.repo.find(found.id))!;
  }

  private async tellReviewers(announcement: Announcement): Promise<void> {
    for (const reviewer of await this.hooks.reviewers(announcement.orgCode, announcement.lang))
      await this.mail.send(reviewer.email, reviewer.lang, 'announcement_review', {
        title: announcement.title,
        authority: announcement.authority,
        link: this.mail.pageUrl(reviewer.lang, `/staff/market/${announcement.id}`),
      });
  }

  /** The private link sent with a change request: the announcement as the buyer may edit it. */
  async forEditing(token: string): Promise<Announcement> {
    const found = await this.repo.findByToken('edit_token_hash', hashToken(token));
    if (!found || found.status !== 'changes_requested') throw new NotFound('market.errors.link_invalid');
    return found;
  }

  /** The buyer's corrected version goes back to review; the link then stops working. */
  async resubmit(token: string, input: AnnouncementInput): Promise<void> {
    const found = await this.forEditing(token);
    const { submitter_email: _keep, ...columns } = this.columns(input);
    const ok = await this.repo.update(found.id, ['changes_requested'], {
      ...columns,
      status: 'pending_review',
      edit_token_hash: null,
      updated_at: toIso(this.clock.now()),
    });
    if (!ok) throw new Conflict('market.errors.already_reviewed');
    await this.tellReviewers((await this.repo.find(found.id))!);
  }

  mayReview(user: CurrentUser, announcement: Pick<Announcement, 'orgCode'>): boolean {
    return hasRole(user, 'coordinator') || (hasRole(user, 'facilitator') && user.orgCode === announcement.orgCode);
  }

  /** The staff queue: coordinators see every organisation's, facilitators their own. */
  async forStaff(user: CurrentUser, statuses: AnnouncementStatus[]): Promise<Announcement[]> {
    const filter: AnnouncementFilter = { statuses };
    if (!hasRole(user, 'coordinator')) filter.orgCode = user.orgCode ?? '-';
    return this.repo.list(filter);
  }

  async forReview(user: CurrentUser, id: number): Promise<Announcement> {
    const found = await this.repo.find(id);
    if (!found || found.status === 'unconfirmed') throw new NotFound();
    if (!this.mayReview(user, found)) throw new Forbidden();
    return found;
  }

  /** A staff decision; the buyer is told in the language they wrote in (with the reason, where there is one). */
  async review(user: CurrentUser, id: number, action: ReviewAction, reason: string): Promise<Announcement> {
    const announcement = await this.forReview(user, id);
    const move = MOVES[action];
    const why = reason.trim().slice(0, 2000);
    if (move.needsReason && why.length < 5)
      throw new ValidationFailed([{ field: 'reason', messageKey: 'market.errors.reason_needed' }]);
    const now = toIso(this.clock.now());
    const edit = action === 'request_change' ? newToken() : undefined;
    const ok = await this.repo.update(id, move.from, {
      status: move.to,
      review_reason: move.needsReason ? why : announcement.reviewReason,
      edit_token_hash: edit?.hash ?? null,
      updated_at: now,
      ...(move.to === 'published' ? { published_at: now } : {}),
      ...(['refused', 'withdrawn', 'noticed'].includes(move.to) ? { closed_at: now } : {}),
    });
    if (!ok) throw new Conflict('market.errors.already_reviewed');
    const updated = (await this.repo.find(id))!;
    if (announcement.submitterEmail && action !== 'mark_noticed')
      await this.mail.send(announcement.submitterEmail, announcement.lang, `announcement_${action}`, {
        title: announcement.title,
        reason: why,
        link: edit
          ? this.mail.pageUrl(announcement.lang, `/market/announce/edit/${edit.token}`)
          : this.mail.pageUrl(announcement.lang, `/market/${id}`),
      });
    if (move.to === 'published') await this.hooks.published(updated);
    return updated;
  }

  async published(id: number): Promise<Announcement> {
    const found = await this.repo.find(id);
    if (!found || !PUBLIC_STATUSES.includes(found.status)) throw new NotFound();
    return found;
  }

  async search(filter: Omit<AnnouncementFilter, 'statuses' | 'orgCode'>, limit = 200): Promise<Announcement[]> {
    return this.repo.list({ ...filter, statuses: ['published'] }, limit);
  }

  figures() {
    return this.repo.countsByCategoryAndQuarter(['published', 'noticed', 'withdrawn']);
  }
}

/** What a public page or the API may show of an announcement: the authority and the functional contact only. */
export function publicAnnouncement(a: Announcement, lang: Lang) {
  return {
    id: a.id,
    status: a.status,
    title: a.title,
    authority: a.authority,
    category: a.category,
    cpv: a.cpv,
    valueRange: a.valueRange,
    quarter: a.quarter,
    lots: a.lots,
    consultation: a.consultationPlanned ? { date: a.consultationDate, place: a.consultationPlace } : null,
    contact: { email: a.contactEmail, phone: a.contactPhone },
    description: a.description[lang] ?? Object.values(a.description)[0] ?? '',
    descriptionLang: a.description[lang] ? lang : (Object.keys(a.description)[0] ?? lang),
    publishedAt: a.publishedAt?.toISOString() ?? null,
  };
}
