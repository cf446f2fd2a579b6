/**
 * The most characters a JavaScript pattern can match, for the bounded patterns that detectors give as
 * keywordThen: on a large text (CodeUnits) they are tested on a window of it rather than on the whole text,
 * so the window must hold any match. Constructs that look past a match (anchors, word boundaries,
 * lookarounds, back-references) or repeat without bound are refused: with them a window could answer
 * differently.
 */
export function maxMatchLength(source: string): number {
  let at = 0;
  const refuse = (what: string): never => {
    throw new Error(
      `${what} at ${at} of ${source}: a keywordThen pattern must be bounded and look nowhere else`,
    );
  };
  const alternation = (): number => {
    let longest = sequence();
    while (source[at] === '|') {
      at++;
      longest = Math.max(longest, sequence());
    }
    return longest;
  };
  const sequence = (): number => {
    let total = 0;
    while (at < source.length && source[at] !== '|' && source[at] !== ')') total += quantified(atom());
    return total;
  };
  const atom = (): number => {
    const char = source[at++];
    if (char === '(') {
      if (source[at] === '?') {
        if (source[at + 1] !== ':') refuse('a lookaround or named group');
        at += 2;
      }
      const length = alternation();
      if (source[at++] !== ')') refuse('an unclosed group');
      return length;
    }
    if (char === '[') {
      if (source[at] === '^') at++;
      if (source[at] === ']') at++;
      while (at < source.length && source[at] !== ']') at += source[at] === '\\' ? 2 : 1;
      if (source[at++] !== ']') refuse('an unclosed class');
      return 1;
    }
    if (char === '\\') {
      const escaped = source[at++] ?? '';
      if (/[bBk1-9]/.test(escaped)) refuse(`\\${escaped}`);
      if (escaped === 'u') at += 4;
      else if (escaped === 'x') at += 2;
      return 1;
    }
    if (char === '^' || char === '$') refuse('an anchor');
    return 1;
  };
  const quantified = (length: number): number => {
    const quantifier = source[at];
    let result = length;
    if (quantifier === '*' || quantifier === '+') result = Number.POSITIVE_INFINITY;
    else if (quantifier === '{') {
      const counts = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(at));
      if (!counts) return length;
      at += counts[0].length - 1;
      const most = counts[2] === undefined ? counts[1]! : counts[3];
      result = most ? length * Number(most) : Number.POSITIVE_INFINITY;
    } else if (quantifier !== '?') return length;
    at++;
    // A lazy quantifier matches no more than its greedy form.
    if (source[at] === '?') at++;
    return result;
  };
  const length = alternation();
  if (at < source.length) refuse('an unmatched )');
  if (!Number.isFinite(length)) refuse('an unbounded repetition');
  return length;
}
