import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SLA_DAYS,
  type DigestFinding,
  dueDate,
  overdue,
  parseSlaDays,
  weeklyDigest,
} from '../../server/domain/governance.js';

describe('SLA days', () => {
  it('defaults to 7/30/90/180 days and no deadline for info', () => {
    expect(parseSlaDays(undefined)).toEqual({ critical: 7, high: 30, medium: 90, low: 180, info: null });
    expect(parseSlaDays('')).toEqual(DEFAULT_SLA_DAYS);
  });

  it('reads severity=days pairs, keeps defaults for the others, and turns a deadline off with none', () => {
    expect(parseSlaDays(' critical=3 , HIGH = 14,info=365,low=none')).toEqual({
      critical: 3,
      high: 14,
      medium: 90,
      low: null,
      info: 365,
    });
  });

  it('names the bad part of a bad value', () => {
    expect(() => parseSlaDays('critical')).toThrow('SLA days: "critical" is not severity=days');
    expect(() => parseSlaDays('urgent=1')).toThrow('unknown severity "urgent"');
    expect(() => parseSlaDays('high=0')).toThrow('high=0 must be a whole number of days from 1 to 3650');
    expect(() => parseSlaDays('high=1.5')).toThrow('must be a whole number');
    expect(() => parseSlaDays('high=3,high=4')).toThrow('high is given twice');
  });
});

describe('due dates and overdue lists', () => {
  const now = new Date('2026-11-28T12:00:00.000Z');

  it('adds the severity’s days to the opening date', () => {
    expect(dueDate({ severity: 'critical', openedAt: '2026-11-01T08:00:00.000Z' })).toBe(
      '2026-11-08T08:00:00.000Z',
    );
    expect(dueDate({ severity: 'info', openedAt: '2026-11-01T08:00:00.000Z' })).toBeNull();
    expect(dueDate({ severity: 'high', openedAt: 'not a date' })).toBeNull();
  });

  it('lists open findings past their deadline, most overdue first, with whole days late', () => {
    const findings = [
      { id: 1, severity: 'critical' as const, openedAt: '2026-11-20T12:00:00.000Z', status: 'open' }, // due 27th
      { id: 2, severity: 'high' as const, openedAt: '2026-10-01T00:00:00.000Z', status: 'open' }, // due 31 Oct
      { id: 3, severity: 'high' as const, openedAt: '2026-10-01T00:00:00.000Z', status: 'risk_accepted' },
      { id: 4, severity: 'critical' as const, openedAt: '2026-11-25T00:00:00.000Z', status: 'open' }, // not yet
      { id: 5, severity: 'info' as const, openedAt: '2020-01-01T00:00:00.000Z', status: 'open' }, // no SLA
    ];
    expect(overdue(findings, now).map((f) => [f.id, f.daysOverdue, f.dueAt])).toEqual([
      [2, 28, '2026-10-31T00:00:00.000Z'],
      [1, 1, '2026-11-27T12:00:00.000Z'],
    ]);
    expect(overdue(findings, now, parseSlaDays('high=90')).map((f) => f.id)).toEqual([1]);
  });
});

describe('weekly digest', () => {
  const hostile: DigestFinding = {
    id: 9,
    ruleId: 'PAL-AWS-S3-001',
    title: 'S3 bucket versioning is not enabled',
    severity: 'high',
    repository: 'acme/<script>alert(1)</script>',
    file: 'infra/*main*.tf',
    line: 12,
    owner: '@acme/infra',
  };
  const digest = weeklyDigest(
    {
      opened: [hostile, { ...hostile, id: 10, severity: 'low' }],
      fixed: [{ ...hostile, id: 11 }],
      overdue: [{ ...hostile, dueAt: '2026-11-20T00:00:00.000Z', daysOverdue: 8 }],
      topPriorities: [{ ...hostile, score: 83, reasons: ['High severity', 'Internet-exposed: port | 22'] }],
      scores: {
        organization: { name: 'acme', percent: 72.5, previousPercent: 70 },
        repositories: [{ name: 'acme/[web](javascript:x)', percent: 50, previousPercent: 55 }],
      },
    },
    new Date('2026-11-28T12:00:00.000Z'),
  );

  it('summarises the week as JSON', () => {
    expect(digest.json.period).toEqual({ from: '2026-11-21T12:00:00.000Z', to: '2026-11-28T12:00:00.000Z' });
    expect(digest.json.opened).toEqual({
      total: 2,
      bySeverity: { critical: 0, high: 1, medium: 0, low: 1, info: 0 },
    });
    expect(digest.json.fixed.total).toBe(1);
    expect(digest.json.overdue.total).toBe(1);
    expect(digest.json.topPriorities[0]?.score).toBe(83);
  });

  it('renders Markdown with every user string escaped', () => {
    const markdown = digest.markdown;
    expect(markdown).toContain('- Secure score: 72.5% (+2.5 points since last week)');
    expect(markdown).toContain('- Opened: 2 (1 high, 1 low)');
    expect(markdown).not.toContain('<script>');
    expect(markdown).toContain('acme/&lt;script&gt;alert(1)&lt;/script&gt;: infra/\\*main\\*.tf:12');
    expect(markdown).toContain('Internet-exposed: port \\| 22');
    expect(markdown).toContain('| acme/\\[web\\](javascript:x) | 50.0% (−5.0 points since last week) |');
    // Owners are not turned into mentions.
    expect(markdown).not.toMatch(/@acme\/infra/);
    expect(markdown).toContain('| 8 | high |');
  });
});
