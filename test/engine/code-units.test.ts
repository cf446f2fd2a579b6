import { describe, expect, it } from 'vitest';
import { CodeUnits } from '../../scanners/core/code-units.js';
import { codeUnitsOf } from '../helpers/code-units.js';
import { seededRandom } from '../secrets/tools/samples.js';

describe('CodeUnits', () => {
  it('answers length, charCodeAt, slice, indexOf and lastIndexOf as the string does, on random texts', () => {
    const random = seededRandom(7);
    const alphabets = ['ab\n=', 'ab\n=é', 'xy\n🔑ü', 'ab\n\ud800'];
    const pick = (chars: string) => {
      const all = [...chars];
      return all[Math.floor(random() * all.length)]!;
    };
    let checks = 0;
    for (let round = 0; round < 300; round++) {
      const alphabet = alphabets[round % alphabets.length]!;
      const text = Array.from({ length: Math.floor(random() * 60) }, () => pick(alphabet)).join('');
      const units = codeUnitsOf(text);
      expect(units.length).toBe(text.length);
      expect(units.toString()).toBe(text);
      // Positions before, inside and past the text; searches of one and several code units, found or not.
      const positions = [-3, -1, 0, 1, text.length - 1, text.length, text.length + 5];
      for (let k = 0; k < 6; k++) positions.push(Math.floor(random() * (text.length + 1)));
      const searches = [
        '',
        '\n',
        '=',
        'a',
        'ab',
        'b\na',
        'é',
        '🔑',
        '\ud83d',
        '\ud800',
        'zz',
        '€',
        text.slice(3, 6),
      ];
      for (const at of positions) {
        expect(units.charCodeAt(at)).toEqual(text.charCodeAt(at));
        for (const search of searches) {
          expect(units.indexOf(search, at), `indexOf(${JSON.stringify(search)}, ${at})`).toBe(
            text.indexOf(search, at),
          );
          expect(units.lastIndexOf(search, at), `lastIndexOf(${JSON.stringify(search)}, ${at})`).toBe(
            text.lastIndexOf(search, at),
          );
          checks += 2;
        }
        for (const end of positions)
          if (at >= 0 && end >= 0) expect(units.slice(at, end)).toBe(text.slice(at, end));
      }
      for (const search of searches) {
        expect(units.indexOf(search)).toBe(text.indexOf(search));
        expect(units.lastIndexOf(search)).toBe(text.lastIndexOf(search));
      }
    }
    expect(checks).toBeGreaterThan(50_000);
  });

  it('reads a window of a larger memory without reaching outside it', () => {
    const memory = Buffer.from('xxAB\nCDyy', 'latin1');
    const units = new CodeUnits(memory.subarray(2, 7));
    expect(units.toString()).toBe('AB\nCD');
    expect(units.indexOf('y')).toBe(-1);
    expect(units.lastIndexOf('x')).toBe(-1);
    expect(units.slice(1, 99)).toBe('B\nCD');
    const wide = new Uint16Array([120, 65, 10, 66, 121]);
    const middle = new CodeUnits(wide.subarray(1, 4));
    expect(middle.toString()).toBe('A\nB');
    expect(middle.indexOf('y')).toBe(-1);
    expect(middle.lastIndexOf('x')).toBe(-1);
  });
});
