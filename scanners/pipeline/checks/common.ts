import type { Range } from '../../core/types.js';
import { explicit } from '../../model/attr.js';
import type { Model, Resource } from '../../model/model.js';
import type {
  PipelineFile,
  PipelineJob,
  PipelinePlatform,
  PipelineStep,
  ScriptBlock,
} from '../../model/pipeline.js';
import type { ReportInput } from '../../rules/types.js';

/** A problem found in a pipeline, located at the exact range that shows it. */
export interface PipelineIssue {
  resource: Resource;
  range: Range;
  /** Stable within the resource (no line numbers): what is wrong where, e.g. `steps[2].run:github.head_ref`. */
  key: string;
  message: string;
}

/** Reports issues so that each points at its own range (not the resource header). */
export function reportIssues(report: (input: ReportInput) => void, issues: PipelineIssue[]): void {
  for (const issue of issues) {
    report({
      resource: issue.resource,
      attr: explicit(issue.key, issue.range, issue.key),
      message: issue.message,
    });
  }
}

/** Pipeline files of one platform. */
export function pipelineFiles(model: Model, platform: PipelinePlatform): PipelineFile[] {
  return model.pipeline.files.filter((f) => f.platform === platform);
}

/** A script of a step: its `run`/`script`, or an input holding a script (github-script, Azure inline tasks). */
export interface StepScript {
  pipeline: PipelineFile;
  job: PipelineJob;
  step: PipelineStep;
  block: ScriptBlock;
  /** `run` for the step's own script, else the input name. */
  source: string;
}

/** Every script of every step of the given files. */
export function stepScripts(files: PipelineFile[]): StepScript[] {
  const scripts: StepScript[] = [];
  for (const pipeline of files) {
    for (const job of pipeline.jobs) {
      for (const step of job.steps) {
        if (step.run) scripts.push({ pipeline, job, step, block: step.run, source: 'run' });
        for (const [name, block] of step.inputScripts)
          scripts.push({ pipeline, job, step, block, source: name });
      }
    }
  }
  return scripts;
}

/** One shell command line of a script (a `\` continuation joins lines), with offsets into the joined text. */
export interface CommandLine {
  text: string;
  start: number;
  end: number;
}

/** Splits a script into logical command lines. */
export function commandLines(text: string): CommandLine[] {
  const result: CommandLine[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || (text[i] === '\n' && text[i - 1] !== '\\')) {
      if (i > start) result.push({ text: text.slice(start, i), start, end: i });
      start = i + 1;
    }
  }
  return result;
}

/** The command line holding an offset (binary search: scripts may be long). */
export function lineAt(lines: CommandLine[], offset: number): CommandLine | undefined {
  let low = 0;
  let high = lines.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const line = lines[mid] as CommandLine;
    if (offset < line.start) high = mid - 1;
    else if (offset > line.end) low = mid + 1;
    else return line;
  }
  return undefined;
}

/** The key prefix of a step: `jobs.build.steps[2]`. */
export function stepKey(job: PipelineJob, step: PipelineStep, source = 'run'): string {
  return `${job.address}.steps[${step.index}].${source}`;
}

/** The lower-cased `owner/repo` of a step's action, or undefined. */
export function actionOf(step: PipelineStep): string | undefined {
  return step.uses?.kind === 'action' ? step.uses.repository : undefined;
}

/** The lower-cased `owner/repo/path` of a step's action, or undefined. */
export function actionPathOf(step: PipelineStep): string | undefined {
  if (step.uses?.kind !== 'action' || !step.uses.repository) return undefined;
  return step.uses.path ? `${step.uses.repository}/${step.uses.path.toLowerCase()}` : step.uses.repository;
}

/** The events that start a GitHub workflow. */
export function githubEvents(pipeline: PipelineFile): Set<string> {
  return new Set(pipeline.triggers.map((t) => t.event));
}
