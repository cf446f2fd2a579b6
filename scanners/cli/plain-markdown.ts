import type { Colors } from './context.js';

/**
 * Renders Markdown for a terminal: headings in bold, code blocks indented, inline markup removed, links as
 * `text (url)`. Enough for rule READMEs; not a full CommonMark renderer.
 */
export function renderPlainMarkdown(markdown: string, colors: Colors): string {
  const output: string[] = [];
  let inFence = false;
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      output.push(colors.cyan(`    ${line}`));
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const text = inline(heading[2] ?? '');
      output.push(heading[1] === '#' ? colors.bold(colors.underline(text)) : colors.bold(text));
      continue;
    }
    output.push(inline(line).replace(/^(\s*)[-*+]\s+/, '$1• '));
  }
  return `${output
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

/** Removes inline markup; code spans keep their text untouched (they stand aside as placeholders). */
function inline(text: string): string {
  const spans: string[] = [];
  const withPlaceholders = text.replace(
    /`([^`]+)`/g,
    (_m, code: string) => `\uE000${spans.push(code) - 1}\uE001`,
  );
  return prose(withPlaceholders).replace(
    /\uE000(\d+)\uE001/g,
    (_m, index: string) => spans[Number(index)] ?? '',
  );
}

function prose(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\(([^)\s]+)[^)]*\)/g, (_m, label: string, url: string) =>
      label ? `${label} (${url})` : url,
    )
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\s][^*_]*?)[*_](?=[^\w*]|$)/g, '$1$2');
}
