// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${{ }} here is GitHub and Azure expression syntax, not a template.
import { describe, expect, it } from 'vitest';
import {
  contextPaths,
  ExpressionError,
  findExpressions,
  parseExpression,
  valuePaths,
} from '../../scanners/pipeline/expressions.js';
import {
  isTaintedAzureVariable,
  isTaintedGithubPath,
  isTaintedGitlabVariable,
} from '../../scanners/pipeline/taint.js';

describe('GitHub expression parser', () => {
  it('normalises property access, index access and filters to context paths', () => {
    expect(contextPaths(parseExpression("github.event['issue'].title"))).toEqual([
      'github.event.issue.title',
    ]);
    expect(contextPaths(parseExpression('github.event.commits[0].message'))).toEqual([
      'github.event.commits.*.message',
    ]);
    expect(contextPaths(parseExpression('github.event.pull_request.labels.*.name'))).toEqual([
      'github.event.pull_request.labels.*.name',
    ]);
    expect(contextPaths(parseExpression("format('{0}-{1}', inputs.name, steps.meta.outputs.tag)"))).toEqual([
      'inputs.name',
      'steps.meta.outputs.tag',
    ]);
  });

  it('keeps the paths whose text reaches the value, not those only compared', () => {
    expect(valuePaths(parseExpression("contains(github.event.issue.title, 'bug')"))).toEqual([]);
    expect(valuePaths(parseExpression("github.event.issue.title == 'x'"))).toEqual([]);
    expect(valuePaths(parseExpression('!github.head_ref'))).toEqual([]);
    expect(valuePaths(parseExpression("github.head_ref || 'main'"))).toEqual(['github.head_ref']);
    expect(
      valuePaths(parseExpression("github.event_name == 'push' && github.event.head_commit.message")),
    ).toEqual(['github.event.head_commit.message']);
    expect(valuePaths(parseExpression('toJSON(github.event.pull_request)'))).toEqual([
      'github.event.pull_request',
    ]);
  });

  it('parses operators with the right precedence', () => {
    const expr = parseExpression("a == 'x' || b && !c");
    expect(expr).toMatchObject({ type: 'binary', operator: '||', right: { type: 'binary', operator: '&&' } });
  });

  it('rejects malformed and hostile expressions with an ExpressionError', () => {
    expect(() => parseExpression('github.event.')).toThrow(ExpressionError);
    expect(() => parseExpression("'unterminated")).toThrow(ExpressionError);
    expect(() => parseExpression(`${'('.repeat(200)}a${')'.repeat(200)}`)).toThrow(/too deeply/);
  });

  it('finds expressions with their offsets, even with }} inside a string literal', () => {
    const text = "echo ${{ format('}}{0}', github.head_ref) }} and ${{ github.sha }}";
    const found = findExpressions(text);
    expect(found.map((f) => text.slice(f.start, f.end))).toEqual([
      "${{ format('}}{0}', github.head_ref) }}",
      '${{ github.sha }}',
    ]);
    expect(found[0]?.expr && valuePaths(found[0].expr)).toEqual(['github.head_ref']);
  });

  it('finds Azure runtime expressions only when asked', () => {
    const text = "value: $[ variables['Build.SourceBranch'] ] and $[not]";
    expect(findExpressions(text)).toEqual([]);
    const runtime = findExpressions(text, true);
    expect(runtime[0]?.expr && valuePaths(runtime[0].expr)).toEqual(['variables.Build.SourceBranch']);
  });
});

describe('taint sources', () => {
  it('knows which GitHub paths outsiders write', () => {
    for (const path of [
      'github.event.issue.title',
      'github.event.pull_request.body',
      'github.event.comment.body',
      'github.event.review.body',
      'github.head_ref',
      'github.event.pull_request.head.ref',
      'github.event.commits.*.message',
      'github.event.head_commit.author.name',
      'github.event.workflow_run.head_branch',
      'github.event.pages.*.page_name',
      'github.event.pull_request',
    ]) {
      expect(isTaintedGithubPath(path), path).toBe(true);
    }
    for (const path of [
      'github.sha',
      'github.event.issue.number',
      'github.event.pull_request.head.sha',
      'inputs.x',
    ])
      expect(isTaintedGithubPath(path), path).toBe(false);
  });

  it('knows the GitLab and Azure predefined variables outsiders write', () => {
    expect(isTaintedGitlabVariable('CI_MERGE_REQUEST_TITLE')).toBe(true);
    expect(isTaintedGitlabVariable('CI_COMMIT_REF_SLUG')).toBe(false);
    expect(isTaintedAzureVariable('build.sourceVersionMessage')).toBe(true);
    expect(isTaintedAzureVariable('Build.SourceVersion')).toBe(false);
  });
});
