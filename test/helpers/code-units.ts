import { CodeUnits } from '../../scanners/core/code-units.js';

/** A text's CodeUnits as the reader gives them: Latin-1 bytes for ASCII, else UTF-16 code units. */
export function codeUnitsOf(text: string): CodeUnits {
  if (/^[\x00-\x7f]*$/.test(text)) return new CodeUnits(Buffer.from(text, 'latin1'));
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return new CodeUnits(units);
}
