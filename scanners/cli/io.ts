/** The CLI's view of the outside world, so commands run the same in a terminal and in tests. */

/** Anything text can be written to: process.stdout, or a string collector in tests. */
export interface TextSink {
  write(text: string): unknown;
}

export interface CliIo {
  stdout: TextSink;
  stderr: TextSink;
  /** Whether each stream is an interactive terminal (decides colour and the progress bar). */
  isTTY: { stdout: boolean; stderr: boolean };
  env: Record<string, string | undefined>;
  /** The folder relative paths on the command line are resolved against. */
  cwd: string;
  /** Terminal width for help text; 80 when unknown. */
  columns?: number;
}

/** The real process's streams, environment and folder. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    isTTY: { stdout: Boolean(process.stdout.isTTY), stderr: Boolean(process.stderr.isTTY) },
    env: process.env,
    cwd: process.cwd(),
    columns: process.stdout.columns,
  };
}

/** Fills the fields a caller left out from the real process. */
export function completeIo(partial: Partial<CliIo> = {}): CliIo {
  return { ...processIo(), ...partial };
}

/**
 * Whether to colour output for a terminal stream: `--no-color` and NO_COLOR (https://no-color.org) win,
 * then FORCE_COLOR, then whether the stream is a terminal that is not TERM=dumb.
 */
export function colorEnabled(
  io: CliIo,
  stream: 'stdout' | 'stderr',
  colorFlag: boolean | undefined,
): boolean {
  if (colorFlag === false) return false;
  if (io.env.NO_COLOR) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return io.isTTY[stream] && io.env.TERM !== 'dumb';
}

/** True on a CI runner, where a progress bar only clutters the log. */
export function isCi(env: CliIo['env']): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}
