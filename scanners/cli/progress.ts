import { SingleBar } from 'cli-progress';
import type { TextSink } from './io.js';

/** A progress reporter for scan()'s onProgress; `stop` clears it before the report is printed. */
export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

/** A progress bar on an interactive stderr. */
export function progressBar(stream: TextSink): Progress {
  const bar = new SingleBar({
    // Only created when stderr is a real terminal, so the sink is a tty.WriteStream.
    stream: stream as NodeJS.WritableStream,
    format: 'scanning [{bar}] {percentage}% | {value}/{total} units | {duration}s',
    clearOnComplete: true,
    hideCursor: true,
    barsize: 30,
  });
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, done);
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(done);
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

/** The progress reporter that shows nothing. */
export const silentProgress: Progress = { update() {}, stop() {} };
