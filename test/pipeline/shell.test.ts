// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${{ }} here is GitHub and Azure expression syntax, not a template.
import { describe, expect, it } from 'vitest';
import { lexShell, shellVariableUses } from '../../scanners/pipeline/shell.js';

function contextOf(script: string, marker: string): string {
  const shell = lexShell(script);
  return shell.contextAt(script.indexOf(marker));
}

describe('shell lexer', () => {
  it('tells unquoted, double-quoted and single-quoted uses apart', () => {
    expect(contextOf('echo $A', '$A')).toBe('unquoted');
    expect(contextOf('echo "x $A"', '$A')).toBe('double');
    expect(contextOf("echo 'x $A'", '$A')).toBe('single');
    expect(contextOf('echo "a \\" $A"', '$A')).toBe('double');
    expect(contextOf('echo "$(ls $A)"', '$A')).toBe('unquoted');
    expect(contextOf('echo ok # $A', '$A')).toBe('comment');
  });

  it('follows quotes across lines and here-documents', () => {
    const script = 'echo "one\n$A"\ncat <<EOF\n$B\nEOF\ncat <<\'END\'\n$C\nEND\necho $D\n';
    expect(contextOf(script, '$A')).toBe('double');
    expect(contextOf(script, '$B')).toBe('heredoc');
    expect(contextOf(script, '$C')).toBe('heredoc-literal');
    expect(contextOf(script, '$D')).toBe('unquoted');
  });

  it('finds uses re-parsed by eval and sh -c, not other commands', () => {
    const script = 'eval "run $A"\nbash -c "echo $B"\necho "$C" && sh -c \'x\'\nsudo sh -c "x $D"\n';
    const shell = lexShell(script);
    expect(shell.reparsedAt(script.indexOf('$A'))).toBe(true);
    expect(shell.reparsedAt(script.indexOf('$B'))).toBe(true);
    expect(shell.reparsedAt(script.indexOf('$C'))).toBe(false);
    expect(shell.reparsedAt(script.indexOf('$D'))).toBe(true);
  });

  it('knows where an unquoted expansion is not split into words', () => {
    const script = 'if [[ $A == x* ]]; then B=$B2; fi\ncase $C in x) ;; esac\necho $D [[ $E\nlocal f=$F\n';
    const shell = lexShell(script);
    expect(shell.unsplitAt(script.indexOf('$A'))).toBe(true);
    expect(shell.unsplitAt(script.indexOf('$B2'))).toBe(true);
    expect(shell.unsplitAt(script.indexOf('$C'))).toBe(true);
    expect(shell.unsplitAt(script.indexOf('$D'))).toBe(false);
    expect(shell.unsplitAt(script.indexOf('$F'))).toBe(true);
    const argument = 'helm upgrade app ./chart --set branch=$G';
    expect(lexShell(argument).unsplitAt(argument.indexOf('$G'))).toBe(false);
  });

  it('finds $VAR and ${VAR} uses and skips GitLab $$ escapes', () => {
    expect(shellVariableUses('echo $A ${B:-x} $$C $1').map((u) => u.name)).toEqual(['A', 'B']);
  });
});
