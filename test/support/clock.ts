// A clock the test moves by hand.
import type { Clock } from '../../server/db/time';

export class TestClock implements Clock {
  private current: number;
  constructor(start: string | Date = new Date()) {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current += ms;
  }
  set(when: string | Date): void {
    this.current = new Date(when).getTime();
  }
}
