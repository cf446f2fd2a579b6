import pc from 'picocolors';
import { type CliIo, colorEnabled } from './io.js';

/** What every command action gets: the io to talk through, and where to leave its exit code. */
export interface CommandContext {
  io: CliIo;
  exitCode: number;
}

export type Colors = ReturnType<typeof pc.createColors>;

/** Colour functions for a stream; they return plain text when colour is off. */
export function colorsFor(io: CliIo, stream: 'stdout' | 'stderr', colorFlag: boolean | undefined): Colors {
  return pc.createColors(colorEnabled(io, stream, colorFlag));
}
