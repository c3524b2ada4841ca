/**
 * A request's deadline, checked by the work itself: the reader checks it before every store call
 * and gives other requests (and `/healthz`) a turn, so an over-long request stops at its next
 * read instead of running on unseen after its client got REQUEST_TIMEOUT.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';

/** Thrown by the work of a request past its deadline (or cancelled: the client went away). */
export class RequestTimeoutError extends Error {
  override name = 'RequestTimeoutError';
  constructor(readonly timeoutMs: number, readonly reason: 'deadline' | 'cancelled' = 'deadline') {
    super(reason === 'deadline' ? `the request took longer than ${timeoutMs} ms and was stopped` : 'the request was cancelled');
  }
}

export class Deadline {
  private readonly endsAt: number;
  private cancelledBecause: 'deadline' | 'cancelled' | null = null;
  /** Set for a write: it commits whole or not at all, so it is never stopped halfway or unanswered. */
  private lifted = false;
  /** The last turn handed out: passes queue behind it, one per turn of the event loop. */
  private lastTurn: Promise<void> = Promise.resolve();

  constructor(readonly timeoutMs: number) {
    this.endsAt = Date.now() + timeoutMs;
  }

  /** No deadline: for the CLI and other callers that wait as long as the work takes. */
  static none(): Deadline {
    return new Deadline(Number.POSITIVE_INFINITY);
  }

  /** Stops the work at its next check (the server's timer, or a client that closed its connection). */
  cancel(reason: 'deadline' | 'cancelled' = 'deadline'): void {
    if (!this.lifted) this.cancelledBecause ??= reason;
  }

  /**
   * No deadline from now on, unless one has already passed: for a mutation, whose transaction
   * must finish (and its client hear how) once started.
   */
  lift(): void {
    if (!this.expired) this.lifted = true;
  }

  get isLifted(): boolean {
    return this.lifted;
  }

  get expired(): boolean {
    if (this.lifted) return false;
    return this.cancelledBecause !== null || Date.now() >= this.endsAt;
  }

  /** Throws RequestTimeoutError once the deadline has passed or the request was cancelled. */
  check(): void {
    if (this.expired) throw new RequestTimeoutError(this.timeoutMs, this.cancelledBecause ?? 'deadline');
  }

  /**
   * Checks, waits for a turn of the event loop of its own, and checks again. An embedded store
   * answers synchronously, so a request made of many batches would otherwise run them all without
   * letting a health check in; queued one turn apart, other requests get in between any two.
   */
  async pass(): Promise<void> {
    this.check();
    const turn = this.lastTurn.then(() => nextTurn()).then(() => undefined);
    this.lastTurn = turn;
    await turn;
    this.check();
  }
}
