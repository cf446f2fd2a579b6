/**
 * The App's work queue: at most `concurrency` jobs run at once, at most `limit` wait, and a job whose key is
 * already waiting is not queued twice (a burst of pushes to one pull request scans its latest head once per
 * key). Webhook handlers only enqueue, so GitHub gets its answer at once whatever the load.
 */

export interface QueuedJob {
  /** Jobs with the same key that are still waiting are the same work: the later one is dropped. */
  key: string;
  run: () => Promise<void>;
}

export type EnqueueOutcome = 'queued' | 'duplicate' | 'full';

export class WorkQueue {
  private readonly waiting: QueuedJob[] = [];
  private readonly waitingKeys = new Set<string>();
  private running = 0;
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly concurrency: number,
    private readonly limit: number,
    private readonly onError: (key: string, error: unknown) => void,
  ) {}

  enqueue(job: QueuedJob): EnqueueOutcome {
    if (this.waitingKeys.has(job.key)) return 'duplicate';
    if (this.waiting.length >= this.limit) return 'full';
    this.waiting.push(job);
    this.waitingKeys.add(job.key);
    this.pump();
    return 'queued';
  }

  get size(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /** Resolves when nothing runs and nothing waits. */
  idle(): Promise<void> {
    if (this.running === 0 && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    while (this.running < this.concurrency && this.waiting.length > 0) {
      const job = this.waiting.shift() as QueuedJob;
      this.waitingKeys.delete(job.key);
      this.running++;
      void job
        .run()
        .catch((error: unknown) => this.onError(job.key, error))
        .finally(() => {
          this.running--;
          this.pump();
          if (this.running === 0 && this.waiting.length === 0) {
            const waiters = this.idleWaiters;
            this.idleWaiters = [];
            for (const resolve of waiters) resolve();
          }
        });
    }
  }
}

/** The most recent delivery ids, oldest forgotten first: a redelivered webhook is recognised and skipped. */
export class RecentDeliveries {
  private readonly seen = new Set<string>();

  constructor(private readonly capacity: number) {}

  /** True the first time an id is seen (and remembers it), false for a redelivery. */
  first(id: string): boolean {
    if (this.seen.has(id)) return false;
    this.seen.add(id);
    // A Set iterates in insertion order: the first entry is the oldest.
    if (this.seen.size > this.capacity) this.seen.delete(this.seen.values().next().value as string);
    return true;
  }

  /** Forgets an id whose work failed, so that a redelivery does it again. */
  forget(id: string): void {
    this.seen.delete(id);
  }
}
