import type { Range } from '../core/types.js';
import { defaulted, explicit, unresolvable } from '../model/attr.js';
import type { DockerStage, Model } from '../model/model.js';
import type { SourceFile } from '../parsers/source-file.js';

interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** LSP ranges are 0-based; ours are 1-based. */
function toRange(range: LspRange): Range {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/** Adds the build stages of a Dockerfile to the model. */
export function adaptDockerfile(file: SourceFile, model: Model): void {
  const dockerfile = file.dockerfile;
  if (!dockerfile) return;
  const stageNames = new Set<string>();
  let stage: DockerStage | undefined;
  let index = 0;
  for (const instruction of dockerfile.getInstructions()) {
    const keyword = instruction.getKeyword().toUpperCase();
    const range = toRange(instruction.getRange());
    if (keyword === 'FROM') {
      const from = dockerfile
        .getFROMs()
        .find((f) => f.getRange().start.line === instruction.getRange().start.line);
      stage = fromStage(file, from, range, index++, stageNames);
      model.docker.stages.push(stage);
      if (from?.getBuildStage()) stageNames.add(from.getBuildStage()!.toLowerCase());
      continue;
    }
    stage?.instructions.push({ keyword, arguments: instruction.getArgumentsContent() ?? '', range });
    if (stage) stage.range = { ...stage.range, endLine: range.endLine, endColumn: range.endColumn };
  }
}

type From = ReturnType<NonNullable<SourceFile['dockerfile']>['getFROMs']>[number];

function fromStage(
  file: SourceFile,
  from: From | undefined,
  range: Range,
  index: number,
  earlierStages: Set<string>,
): DockerStage {
  const image = from?.getImageName() ?? '';
  const imageRange = from?.getImageNameRange();
  const at = imageRange ? toRange(imageRange) : range;
  // A build argument, or an empty or broken FROM, names no image we can judge.
  const variable = (from?.getImage() ?? '').includes('$') || !image;
  const local = image.toLowerCase() === 'scratch' || earlierStages.has(image.toLowerCase());
  const tag = from?.getImageTag();
  const digest = from?.getImageDigest();
  const tagRange = from?.getImageTagRange();
  return {
    kind: 'docker.stage',
    address: `stage:${from?.getBuildStage() ?? index}`,
    file: file.path,
    format: file.format,
    range,
    headerRange: range,
    name: from?.getBuildStage() ?? String(index),
    baseImage: variable ? unresolvable(at, 'from.image') : explicit(image, at, 'from.image'),
    baseTag: variable
      ? unresolvable(at, 'from.tag')
      : tag
        ? explicit(tag, tagRange ? toRange(tagRange) : at, 'from.tag')
        : defaulted('latest', at, 'from.tag'),
    baseDigest: variable
      ? unresolvable(at, 'from.digest')
      : digest
        ? explicit(digest, at, 'from.digest')
        : defaulted<string>(undefined, at, 'from.digest'),
    baseIsLocal: local,
    instructions: [],
  };
}
