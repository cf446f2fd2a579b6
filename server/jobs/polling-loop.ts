/**
 * The loop every background worker runs: do a unit of work while there is some, else sleep until the next
 * poll or until woken (new work queued in this process). stop() lets the unit in hand finish.
 */
export class PollingLoop {
  private running = false;
  private current: Promise<void> = Promise.resolve();
  private wakeUp: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;

  /** `work` resolves true when it did something (look again at once), false when idle. */
  constructor(
    private readonly work: () => Promise<boolean>,
    private readonly pollMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.current = this.loop();
  }

  /** Looks for work now rather than at the next poll. */
  wake(): void {
    this.wakeUp?.();
  }

  /** Stops taking work and waits for the unit in hand. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.current;
  }

  get stopping(): boolean {
    return !this.running;
  }

  private async loop(): Promise<void> {
    while (this.running) {
      let worked = false;
      try {
        worked = await this.work();
      } catch (error) {
        // The database is away: wait for the next poll rather than spin.
        this.onError(error);
      }
      if (!worked && this.running) await this.idle();
    }
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      this.wakeUp = () => {
        clearTimeout(this.timer);
        this.wakeUp = undefined;
        resolve();
      };
      this.timer = setTimeout(() => this.wakeUp?.(), this.pollMs);
    });
  }
}
