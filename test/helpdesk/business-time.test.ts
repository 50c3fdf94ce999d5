import assert from 'node:assert/strict';
import {
  BUSINESS_DAY_END_HOUR,
  BUSINESS_DAY_START_HOUR,
  HOURS_PER_BUSINESS_DAY,
  addBusinessDays,
  addBusinessHours,
  belgianPublicHolidays,
  businessHoursBetween,
  easterSunday,
  isBusinessDay,
} from '../../server/helpdesk/business-time';

const at = (iso: string): Date => new Date(iso);
const iso = (date: Date): string => date.toISOString();

describe('helpdesk business time', () => {
  describe('calendar', () => {
    it('has an 8-hour business day from 09:00 to 17:00', () => {
      assert.equal(BUSINESS_DAY_START_HOUR, 9);
      assert.equal(BUSINESS_DAY_END_HOUR, 17);
      assert.equal(HOURS_PER_BUSINESS_DAY, 8);
    });

    it('computes Easter Sunday for 2026 and 2027', () => {
      assert.deepEqual(easterSunday(2026), { year: 2026, month: 4, day: 5 });
      assert.deepEqual(easterSunday(2027), { year: 2027, month: 3, day: 28 });
    });

    it('lists the ten Belgian public holidays of 2026 in order', () => {
      assert.deepEqual(belgianPublicHolidays(2026), [
        '2026-01-01',
        '2026-04-06',
        '2026-05-01',
        '2026-05-14',
        '2026-05-25',
        '2026-07-21',
        '2026-08-15',
        '2026-11-01',
        '2026-11-11',
        '2026-12-25',
      ]);
    });

    it('moves the Easter-based holidays with Easter in 2027', () => {
      const holidays = belgianPublicHolidays(2027);
      assert.equal(holidays.length, 10);
      for (const day of ['2027-03-29', '2027-05-06', '2027-05-17']) assert.ok(holidays.includes(day), day);
    });

    it('returns a fresh array so callers cannot corrupt the cache', () => {
      belgianPublicHolidays(2026).pop();
      assert.equal(belgianPublicHolidays(2026).length, 10);
    });

    it('treats weekdays as business days except public holidays and weekends', () => {
      assert.equal(isBusinessDay('2026-11-12'), true);
      assert.equal(isBusinessDay('2026-11-11'), false);
      assert.equal(isBusinessDay('2026-11-21'), false);
      assert.equal(isBusinessDay('2026-11-22'), false);
      assert.equal(isBusinessDay('2026-04-06'), false);
    });

    it('rejects malformed or impossible dates', () => {
      assert.throws(() => isBusinessDay('2026-02-30'), RangeError);
      assert.throws(() => isBusinessDay('18/11/2026'), RangeError);
    });
  });

  describe('addBusinessHours / addBusinessDays', () => {
    it('adds one business day within the week', () => {
      // Wednesday 10:00 Brussels (CET) -> Thursday 10:00
      assert.equal(iso(addBusinessDays(at('2026-11-18T09:00:00.000Z'), 1)), '2026-11-19T09:00:00.000Z');
    });

    it('skips a weekend', () => {
      // Friday 15:00 -> Monday 15:00
      assert.equal(iso(addBusinessDays(at('2026-11-20T14:00:00.000Z'), 1)), '2026-11-23T14:00:00.000Z');
    });

    it('counts a ticket created on Saturday from Monday 09:00', () => {
      const saturday = at('2026-11-21T10:00:00.000Z');
      assert.equal(iso(addBusinessHours(saturday, 2)), '2026-11-23T10:00:00.000Z');
      // A whole business day from Monday's opening is due at Monday's closing.
      assert.equal(iso(addBusinessDays(saturday, 1)), '2026-11-23T16:00:00.000Z');
    });

    it('counts a ticket created after closing from the next day 09:00', () => {
      // Wednesday 18:30 Brussels + 4h -> Thursday 13:00
      assert.equal(iso(addBusinessHours(at('2026-11-18T17:30:00.000Z'), 4)), '2026-11-19T12:00:00.000Z');
    });

    it('counts a ticket created before opening from 09:00 the same day', () => {
      // Wednesday 07:00 Brussels + 1.5h -> Wednesday 10:30
      assert.equal(iso(addBusinessHours(at('2026-11-18T06:00:00.000Z'), 1.5)), '2026-11-18T09:30:00.000Z');
    });

    it('skips a public holiday', () => {
      // Tuesday 10 Nov 14:00 -> Thursday 12 Nov 14:00 (Armistice on Wednesday)
      assert.equal(iso(addBusinessDays(at('2026-11-10T13:00:00.000Z'), 1)), '2026-11-12T13:00:00.000Z');
    });

    it('skips Christmas and the weekend after it', () => {
      // Thursday 24 Dec 16:00 + 3 days -> Wednesday 30 Dec 16:00
      assert.equal(iso(addBusinessDays(at('2026-12-24T15:00:00.000Z'), 3)), '2026-12-30T15:00:00.000Z');
    });

    it("skips New Year's Day across the year boundary", () => {
      // Thursday 31 Dec 16:00 + 1 day -> Monday 4 Jan 2027 16:00 (1 Jan is a Friday)
      assert.equal(iso(addBusinessDays(at('2026-12-31T15:00:00.000Z'), 1)), '2027-01-04T15:00:00.000Z');
    });

    it('keeps wall-clock time across the end of summer time', () => {
      // Friday 23 Oct 16:00 CEST (14:00Z) -> Monday 26 Oct 16:00 CET (15:00Z)
      assert.equal(iso(addBusinessDays(at('2026-10-23T14:00:00.000Z'), 1)), '2026-10-26T15:00:00.000Z');
    });

    it('keeps wall-clock time across the start of summer time', () => {
      // Friday 27 Mar 16:00 CET (15:00Z) -> Monday 30 Mar 16:00 CEST (14:00Z)
      assert.equal(iso(addBusinessDays(at('2026-03-27T15:00:00.000Z'), 1)), '2026-03-30T14:00:00.000Z');
    });

    it('adds ten business days across a holiday and two weekends', () => {
      // Monday 9 Nov 10:00 + 10 days (11 Nov off) -> Tuesday 24 Nov 10:00
      assert.equal(iso(addBusinessDays(at('2026-11-09T09:00:00.000Z'), 10)), '2026-11-24T09:00:00.000Z');
    });

    it('rejects negative or non-finite durations', () => {
      assert.throws(() => addBusinessHours(at('2026-11-18T09:00:00.000Z'), -1), RangeError);
      assert.throws(() => addBusinessHours(at('2026-11-18T09:00:00.000Z'), Number.NaN), RangeError);
    });
  });

  describe('businessHoursBetween', () => {
    it('measures part of a single day', () => {
      // Wednesday 10:00 -> 15:30 Brussels
      assert.equal(businessHoursBetween(at('2026-11-18T09:00:00.000Z'), at('2026-11-18T14:30:00.000Z')), 5.5);
    });

    it('skips a weekend', () => {
      // Friday 16:00 -> Monday 10:00
      assert.equal(businessHoursBetween(at('2026-11-20T15:00:00.000Z'), at('2026-11-23T09:00:00.000Z')), 2);
    });

    it('skips a weekend with a clock change', () => {
      // Friday 23 Oct 16:00 CEST -> Monday 26 Oct 10:00 CET
      assert.equal(businessHoursBetween(at('2026-10-23T14:00:00.000Z'), at('2026-10-26T09:00:00.000Z')), 2);
    });

    it('skips a public holiday', () => {
      // Tuesday 10 Nov 16:00 -> Thursday 12 Nov 10:00
      assert.equal(businessHoursBetween(at('2026-11-10T15:00:00.000Z'), at('2026-11-12T09:00:00.000Z')), 2);
    });

    it('returns 0 when end is not after start', () => {
      const start = at('2026-11-18T12:00:00.000Z');
      assert.equal(businessHoursBetween(start, at('2026-11-18T10:00:00.000Z')), 0);
      assert.equal(businessHoursBetween(start, start), 0);
    });

    it('ignores the night before a start outside business hours', () => {
      // Wednesday 02:00 -> 11:00 Brussels
      assert.equal(businessHoursBetween(at('2026-11-18T01:00:00.000Z'), at('2026-11-18T10:00:00.000Z')), 2);
      // Wednesday 20:00 -> Thursday 09:45
      assert.equal(businessHoursBetween(at('2026-11-18T19:00:00.000Z'), at('2026-11-19T08:45:00.000Z')), 0.75);
    });

    it('counts a whole year of business days', () => {
      // 2026: 261 weekdays, 8 holidays on weekdays (15 Aug and 1 Nov fall on weekends) -> 253 days
      assert.equal(businessHoursBetween(at('2025-12-31T23:00:00.000Z'), at('2026-12-31T23:00:00.000Z')), 253 * 8);
    });

    it('adds up over consecutive intervals', () => {
      const start = at('2026-03-20T10:17:00.000Z');
      const end = at('2027-01-08T13:41:00.000Z');
      const total = businessHoursBetween(start, end);
      // Split points walk through the span at varying times of day (7 days + 7 minutes apart).
      for (let step = 0; step < 290; step += 7) {
        const middle = new Date(start.getTime() + step * 86_400_000 + step * 60_000);
        const sum = businessHoursBetween(start, middle) + businessHoursBetween(middle, end);
        assert.ok(Math.abs(sum - total) < 1e-9, `split at ${middle.toISOString()}`);
      }
    });
  });

  describe('round trip', () => {
    const starts = [
      '2026-11-18T09:15:00.000Z',
      '2026-10-23T09:00:00.000Z',
      '2026-12-24T14:30:00.000Z',
      '2026-03-27T15:59:00.000Z',
    ];
    for (const start of starts) {
      it(`measures back exactly what was added from ${start}`, () => {
        for (const hours of [0, 0.25, 1, 6.75, 8, 13.5, 40, 80]) {
          assert.equal(businessHoursBetween(at(start), addBusinessHours(at(start), hours)), hours, `${hours}h`);
        }
      });
    }
  });
});
