/**
 * What keeps credential checks from being used against the server: failure budgets per key id and
 * per client address, and a bounded number of scrypt computations at once. All in this process.
 */
import { isIP } from 'node:net';

/** Budgets for this many subjects at most; past it the least recently touched is forgotten. */
const MAX_SUBJECTS = 10_000;
const MINUTE_MS = 60_000;

/**
 * Failure budgets: each subject (a key id, an address) may fail `perMinute` times, refilled evenly
 * over a minute (a token bucket). An attempt takes from the budget before it is checked and gets
 * it back when it succeeds, so attempts still being checked count as failures until they pass.
 */
export class FailureBudget {
  private readonly buckets = new Map<string, { level: number; at: number }>();

  /** `perMinute` 0: no limit. */
  constructor(readonly perMinute: number) {}

  /** Seconds until the subject may try again; 0 when it may now. */
  retryAfterSeconds(subject: string, now = Date.now()): number {
    if (this.perMinute === 0) return 0;
    const level = this.level(subject, now);
    return level >= 1 ? 0 : Math.ceil(((1 - level) * MINUTE_MS) / this.perMinute / 1000);
  }

  /** True when the subject has failed recently (its budget is not full). */
  hasFailed(subject: string, now = Date.now()): boolean {
    return this.perMinute > 0 && this.level(subject, now) < this.perMinute;
  }

  take(subject: string, now = Date.now()): void {
    if (this.perMinute > 0) this.set(subject, this.level(subject, now) - 1, now);
  }

  refund(subject: string, now = Date.now()): void {
    if (this.perMinute > 0) this.set(subject, Math.min(this.perMinute, this.level(subject, now) + 1), now);
  }

  private level(subject: string, now: number): number {
    const bucket = this.buckets.get(subject);
    if (!bucket) return this.perMinute;
    return Math.min(this.perMinute, bucket.level + ((now - bucket.at) * this.perMinute) / MINUTE_MS);
  }

  private set(subject: string, level: number, now: number): void {
    this.buckets.delete(subject);
    if (level >= this.perMinute) return;
    if (this.buckets.size >= MAX_SUBJECTS) this.buckets.delete(this.buckets.keys().next().value!);
    this.buckets.set(subject, { level, at: now });
  }
}

/**
 * The client an address budget belongs to: IPv4 addresses (also IPv4-mapped IPv6) as they are,
 * IPv6 by their /64, since one host is usually given a whole /64 and could rotate through it.
 */
export function clientOf(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = address.toLowerCase().startsWith('::ffff:') ? address.slice(7) : address;
  if (isIP(mapped) === 4) return mapped;
  if (isIP(address) !== 6) return address;
  const [head, tail] = address.toLowerCase().split('::');
  const groupsOf = (part: string | undefined) => (part ? part.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])) : []);
  const front = groupsOf(head);
  const back = groupsOf(tail);
  const groups = tail === undefined ? front : [...front, ...Array<string>(8 - front.length - back.length).fill('0'), ...back];
  return `${groups.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`;
}

export class VerificationBusy extends Error {
  override name = 'VerificationBusy';
}

/**
 * At most `slots` scrypt computations at once (scrypt takes a core for ~100 ms). Waiting checks
 * from clients and keys with no recent failures go before those with failures, so a flood of bad
 * secrets delays other clients' first sign-in by at most the checks already running.
 */
export class VerificationSlots {
  private running = 0;
  private readonly waiting: { first: Array<() => void>; later: Array<() => void> } = { first: [], later: [] };

  constructor(
    readonly slots: number,
    /** Checks allowed to wait; past it new ones are turned away (VerificationBusy). */
    readonly maxWaiting = 256,
  ) {}

  async run<T>(suspect: boolean, check: () => Promise<T>): Promise<T> {
    if (this.running >= this.slots) {
      if (this.waiting.first.length + this.waiting.later.length >= this.maxWaiting) throw new VerificationBusy('too many credential checks waiting');
      await new Promise<void>((resolve) => (suspect ? this.waiting.later : this.waiting.first).push(resolve));
    } else {
      this.running++;
    }
    try {
      return await check();
    } finally {
      // The slot passes straight to the next waiter (running stays the same), or is freed.
      const next = this.waiting.first.shift() ?? this.waiting.later.shift();
      if (next) next();
      else this.running--;
    }
  }
}
