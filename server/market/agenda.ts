// The agenda (MPDI 4, 9): facilitators publish events for their organisation; anyone registers, confirms by
// the e-mailed link, and gets a seat (with an .ics invitation) or a place on the waiting list; cancelling by
// link frees the seat for the first on the waiting list, who is told. Seats are counted inside a transaction
// that first writes the event row, so two instances never hand out the same last seat.
import type { Knex } from 'knex';
import { hasRole, type CurrentUser } from '../accounts/roles';
import { hashToken, newToken } from '../accounts/tokens';
import { toIso, type Clock } from '../db/time';
import { Forbidden, NotFound, ValidationFailed } from '../http/errors';
import { parseOrFail } from '../http/validation';
import { formatDate } from '../i18n/format';
import { fromSuffixed, pick, toSuffixed } from '../i18n/languages';
import { translate } from '../i18n/catalog';
import { toCsv } from '../monitoring/svg';
import { calendarOf } from './calendar';
import { brusselsTimes, eventRules, eventSchema, type EventInput } from './event-form';
import type { EventRepository } from './event-repository';
import { toRegistration } from './event-repository';
import { parseWithRules, registrationSchema, withoutBlanks, type RegistrationInput } from './forms';
import type { LinkTokens } from './links';
import type { MarketMail } from './mails';
import type { EventType, MarketEvent, Registration } from './model';

export interface AgendaHooks {
  categoryCodes(): Promise<Set<string>>;
  /** Called when an event is created (the subscriptions of its category are told). */
  created(event: MarketEvent): Promise<void>;
}

export class AgendaService {
  constructor(
    private readonly db: Knex,
    private readonly repo: EventRepository,
    private readonly mail: MarketMail,
    private readonly links: LinkTokens,
    private readonly clock: Clock,
    private readonly hooks: AgendaHooks,
  ) {}

  async parseEvent(input: unknown): Promise<EventInput> {
    const parsed = parseWithRules(eventSchema, input, eventRules);
    if (parsed.category && !(await this.hooks.categoryCodes()).has(parsed.category))
      throw new ValidationFailed([{ field: 'category', messageKey: 'validation.one_of' }]);
    return parsed;
  }

  private columns(input: EventInput) {
    const { startsAt, endsAt } = brusselsTimes(input);
    return {
      type: input.type,
      ...toSuffixed('title', fromSuffixed(input, 'title')),
      ...toSuffixed('description', fromSuffixed(input, 'description')),
      starts_at: toIso(startsAt!),
      ends_at: toIso(endsAt!),
      place: input.place ?? null,
      online_url: input.onlineUrl ?? null,
      language: input.language,
      category: input.category ?? null,
      announcement_id: input.announcementId ?? null,
      capacity: input.capacity,
      updated_at: toIso(this.clock.now()),
    };
  }

  mayManage(user: CurrentUser, event?: Pick<MarketEvent, 'orgCode'>): boolean {
    if (hasRole(user, 'coordinator')) return true;
    return hasRole(user, 'facilitator') && !!user.orgCode && (!event || event.orgCode === user.orgCode);
  }

  async create(user: CurrentUser, input: EventInput): Promise<number> {
    if (!this.mayManage(user) || !user.orgCode) throw new Forbidden();
    const id = await this.repo.insertEvent({
      ...this.columns(input),
      org_code: user.orgCode,
      status: 'scheduled',
      sequence: 0,
      created_at: toIso(this.clock.now()),
    });
    await this.hooks.created((await this.repo.find(id))!);
    return id;
  }

  async managed(user: CurrentUser, id: number): Promise<MarketEvent> {
    const event = await this.repo.find(id);
    if (!event) throw new NotFound();
    if (!this.mayManage(user, event)) throw new Forbidden();
    return event;
  }

  async update(user: CurrentUser, id: number, input: EventInput): Promise<void> {
    await this.managed(user, id);
    await this.repo.updateEvent(id, this.columns(input));
  }

  async forStaff(user: CurrentUser): Promise<MarketEvent[]> {
    return this.repo.list(hasRole(user, 'coordinator') ? {} : { orgCode: user.orgCode ?? '-' });
  }

  async registrations(user: CurrentUser, id: number): Promise<{ event: MarketEvent; registrations: Registration[] }> {
    const event = await this.managed(user, id);
    return { event, registrations: await this.repo.registrations(id) };
  }

  async upcoming(type?: EventType): Promise<MarketEvent[]> {
    return this.repo.list({ from: toIso(this.clock.now()), type });
  }

  async event(id: number): Promise<MarketEvent> {
    const event = await this.repo.find(id);
    if (!event || event.status !== 'scheduled') throw new NotFound();
    return event;
  }

  async seatsTaken(): Promise<Map<number, { registered: number; waiting: number }>> {
    return this.repo.countsByEvent();
  }

  parseRegistration(input: unknown): RegistrationInput {
    return parseOrFail(registrationSchema, withoutBlanks(input));
  }

  /** Stores the registration unconfirmed and e-mails the confirmation link. */
  async register(eventId: number, input: RegistrationInput): Promise<void> {
    const event = await this.event(eventId);
    if (event.endsAt <= this.clock.now()) throw new NotFound();
    const confirm = newToken();
    const [row] = await this.db('market_registrations')
      .insert({
        event_id: eventId,
        name: input.name,
        email: input.email.toLowerCase(),
        organisation: input.organisation,
        lang: input.lang,
        status: 'unconfirmed',
        confirm_token_hash: confirm.hash,
        created_at: toIso(this.clock.now()),
      })
      .returning('id');
    const id = typeof row === 'object' ? Number((row as { id: number }).id) : Number(row);
    await this.db('market_registrations')
      .where({ id })
      .update({ cancel_token_hash: this.links.hash('market-cancel', id) });
    await this.mail.send(input.email, input.lang, 'registration_confirm', {
      title: pick(event.title, input.lang),
      link: this.mail.pageUrl(input.lang, `/agenda/registration/confirm/${confirm.token}`),
    });
  }

  /** The e-mailed link: a seat when one is free, else the waiting list. Clicking twice changes nothing. */
  async confirmRegistration(token: string): Promise<Registration> {
    const found = (await this.db('market_registrations')
      .where({ confirm_token_hash: hashToken(token) })
      .first()) as Record<string, unknown> | undefined;
    if (!found) throw new NotFound('market.errors.link_invalid');
    const registration = toRegistration(found);
    if (registration.status !== 'unconfirmed') return registration;
    const status = await this.db.transaction(async (trx) => {
      await trx('market_events')
        .where({ id: registration.eventId })
        .update({ updated_at: trx.ref('updated_at') });
      const event = (await this.repo.find(registration.eventId, trx))!;
      const taken = await trx('market_registrations')
        .where({ event_id: event.id, status: 'registered' })
        .count({ n: '*' })
        .first();
      const next = Number(taken?.n ?? 0) < event.capacity ? 'registered' : 'waiting';
      await trx('market_registrations')
        .where({ id: registration.id, status: 'unconfirmed' })
        .update({ status: next, confirmed_at: toIso(this.clock.now()) });
      return next;
    });
    const updated = { ...registration, status } as Registration;
    await this.tell(updated, status === 'registered' ? 'registration_seat' : 'registration_waiting');
    return updated;
  }

  async byCancelToken(token: string): Promise<{ registration: Registration; event: MarketEvent }> {
    const row = (await this.db('market_registrations')
      .where({ cancel_token_hash: hashToken(token) })
      .first()) as Record<string, unknown> | undefined;
    if (!row) throw new NotFound('market.errors.link_invalid');
    const registration = toRegistration(row);
    return { registration, event: (await this.repo.find(registration.eventId))! };
  }

  /** Cancels by link; a freed seat goes to the first on the waiting list, who gets the invitation. */
  async cancel(token: string): Promise<void> {
    const { registration } = await this.byCancelToken(token);
    if (registration.status === 'cancelled') return;
    const promoted = await this.db.transaction(async (trx) => {
      await trx('market_events')
        .where({ id: registration.eventId })
        .update({ updated_at: trx.ref('updated_at') });
      const changed = await trx('market_registrations')
        .where({ id: registration.id })
        .whereNot({ status: 'cancelled' })
        .update({ status: 'cancelled', cancelled_at: toIso(this.clock.now()) });
      if (changed !== 1 || registration.status !== 'registered') return undefined;
      const next = (await trx('market_registrations')
        .where({ event_id: registration.eventId, status: 'waiting' })
        .orderBy([{ column: 'confirmed_at' }, { column: 'id' }])
        .first()) as Record<string, unknown> | undefined;
      if (!next) return undefined;
      await trx('market_registrations').where({ id: next.id }).update({ status: 'registered' });
      return { ...toRegistration(next), status: 'registered' } as Registration;
    });
    if (promoted) await this.tell(promoted, 'registration_promoted');
  }

  /** Tells a registrant where they stand; a seat comes with the event as an .ics attachment. */
  private async tell(registration: Registration, kind: string): Promise<void> {
    if (!registration.email) return;
    const event = (await this.repo.find(registration.eventId))!;
    const l = registration.lang;
    const withSeat = kind !== 'registration_waiting';
    await this.mail.send(
      registration.email,
      l,
      kind,
      {
        title: pick(event.title, l),
        when: formatDate(l, event.startsAt, { time: true }),
        where: event.place ?? event.onlineUrl ?? '',
        link: this.mail.pageUrl(l, `/agenda/registration/cancel/${this.links.token('market-cancel', registration.id)}`),
      },
      withSeat
        ? {
            attachments: [
              {
                filename: 'event.ics',
                contentType: 'text/calendar; charset=utf-8; method=REQUEST',
                content: calendarOf([event], l, {
                  name: translate(l, 'market.agenda.title'),
                  baseUrl: this.mail.baseUrl(),
                  method: 'request',
                }),
              },
            ],
          }
        : {},
    );
  }

  /** The registrations as CSV (formula-like cells neutralised, as the monitoring's exports). */
  async csv(user: CurrentUser, id: number): Promise<string> {
    const { registrations } = await this.registrations(user, id);
    return toCsv(
      ['name', 'email', 'organisation', 'language', 'status', 'confirmed_at'],
      registrations.map((r) => [r.name, r.email, r.organisation, r.lang, r.status, r.confirmedAt?.toISOString() ?? '']),
    );
  }
}
