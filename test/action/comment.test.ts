/** The sticky comment's body and its embedded state, which the next run reads back from a public comment. */
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Finding, Severity } from '../../scanners/core/types.js';
import {
  compare,
  decodeState,
  encodeState,
  MAX_COMMENT_CHARS,
  renderComment,
  STICKY_MARKER,
} from '../../scanners/integrations/github/comment.js';
import { buildFinding, buildScanResult, sha256 } from '../helpers/scan-result.js';

const SEVERITY_CYCLE: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

function findings(count: number, prefix = 'f'): Finding[] {
  return Array.from({ length: count }, (_, i) =>
    buildFinding({
      ruleId: `PAL-K8S-${String(i % 40).padStart(3, '0')}`,
      severity: SEVERITY_CYCLE[i % 5],
      location: {
        file: `deploy/${prefix}-${i}.yaml`,
        startLine: i + 1,
        startColumn: 1,
        endLine: i + 1,
        endColumn: 5,
      },
      fingerprint: sha256(`${prefix}-${i}`),
    }),
  );
}

const stateBlock = (payload: Buffer) =>
  `${STICKY_MARKER}\n<!-- palisade:state ${payload.toString('base64')} -->`;

describe('sticky comment state', () => {
  it('round-trips and tells new findings from fixed ones', () => {
    const before = findings(6);
    const previous = decodeState(`${STICKY_MARKER}\n${encodeState(before)}`);
    expect(previous?.total).toBe(6);
    expect(previous?.tracked).toHaveLength(6);
    const now = [...before.slice(2), ...findings(1, 'added')];
    const result = compare(now, previous);
    expect(result.added.map((f) => f.location.file)).toEqual(['deploy/added-0.yaml']);
    expect(result.fixed.map((t) => t.file).sort()).toEqual(['deploy/f-0.yaml', 'deploy/f-1.yaml']);
    expect(result.partial).toBe(false);
  });

  it('keeps the most severe findings when the state would be too large, and says the comparison is partial', () => {
    const many = findings(20_000);
    const block = encodeState(many);
    expect(block.length).toBeLessThanOrEqual(24_100);
    const state = decodeState(block);
    expect(state?.total).toBe(20_000);
    expect(state?.tracked.length).toBeLessThan(20_000);
    expect(state?.tracked.length).toBeGreaterThan(500);
    expect(state?.tracked[0]?.severity).toBe('critical');
    expect(compare(many, state).partial).toBe(true);
  });

  it('ignores state that is malformed, of the wrong shape, or a decompression bomb', () => {
    expect(decodeState(`${STICKY_MARKER}\nno state`)).toBeUndefined();
    expect(decodeState(`${STICKY_MARKER}\n<!-- palisade:state not base64! -->`)).toBeUndefined();
    expect(decodeState(stateBlock(deflateRawSync('{"v":1,"total":1,"tracked":[["x"]]}')))).toBeUndefined();
    expect(decodeState(stateBlock(deflateRawSync('{"v":2,"total":0,"tracked":[]}')))).toBeUndefined();
    const bomb = deflateRawSync(Buffer.alloc(30 * 1024 * 1024, 0x20), { level: 9 });
    expect(bomb.toString('base64').length).toBeLessThan(48_000);
    expect(decodeState(stateBlock(bomb))).toBeUndefined();
  });
});

describe('sticky comment body', () => {
  it('stays under GitHub’s comment limit with thousands of findings and hostile file names', () => {
    const hostile = buildFinding({
      severity: 'critical',
      message: '@octocat <img src=x> --> <!-- palisade:state AAAA -->',
      location: { file: 'a/--><script>.yaml', startLine: 3, startColumn: 1, endLine: 3, endColumn: 2 },
      fingerprint: sha256('hostile'),
    });
    const result = buildScanResult([hostile, ...findings(5_000)], { failOn: 'high' });
    const body = renderComment(result, undefined);
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(body.startsWith(STICKY_MARKER)).toBe(true);
    expect(body).toContain('first scan of this pull request');
    expect(body).toContain('…and 4951 more');
    expect(body).not.toContain('<script>');
    expect(body).not.toContain('@octocat');
    // The state the next run reads is the one written last, not one planted in a message.
    expect(decodeState(body)?.total).toBe(5_001);
  });
});
