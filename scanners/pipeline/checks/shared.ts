import type { Model } from '../../model/model.js';
import type { ImageRef, PipelineContainer, PipelinePlatform } from '../../model/pipeline.js';
import { lexShell } from '../shell.js';
import { joinedBlock, rangeInBlock } from '../source.js';
import { commandLines, type PipelineIssue, pipelineFiles, stepKey, stepScripts } from './common.js';

/** A download piped straight into an interpreter. */
const PIPE_TO_SHELL =
  /\b(curl|wget|iwr|Invoke-WebRequest|irm|Invoke-RestMethod)\b[^|\n]*\|\s*(sudo\s+(-\S+\s+)*)?(env\s+\S+=\S*\s+)*((ba|z|da|k|fi)?sh|python[0-9.]*|perl|ruby|node|iex|Invoke-Expression|pwsh|powershell)\b/i;
/** `bash <(curl ...)`, `sh -c "$(curl ...)"`, `iex (iwr ...)`, `. <(curl ...)`. */
const SUBSTITUTED_DOWNLOAD =
  /((ba|z|da|k)?sh|source|\.)\s+(-\w+\s+)*<\(\s*(curl|wget)\b|((ba|z|da|k)?sh)\s+-c\s+["']?\$\(\s*(curl|wget)\b|\b(iex|Invoke-Expression)\b\s*\(?\s*(\(?\s*New-Object\s+(System\.)?Net\.WebClient\)?\.DownloadString|iwr|irm|Invoke-WebRequest|Invoke-RestMethod)\b/i;

/** Scripts that pipe a download into a shell. */
export function pipedDownloads(model: Model, platform: PipelinePlatform): PipelineIssue[] {
  const issues: PipelineIssue[] = [];
  for (const script of stepScripts(pipelineFiles(model, platform))) {
    const joined = joinedBlock(script.block);
    const shell = lexShell(joined.text);
    for (const line of commandLines(joined.text)) {
      const match = PIPE_TO_SHELL.exec(line.text) ?? SUBSTITUTED_DOWNLOAD.exec(line.text);
      if (!match || shell.contextAt(line.start + match.index) === 'comment') continue;
      issues.push({
        resource: script.job,
        range: rangeInBlock(joined, line.start, line.end),
        key: `${stepKey(script.job, script.step, script.source)}:pipe`,
        message: `A download is executed straight from the network (${match[0].trim().slice(0, 60)}): a compromised or spoofed server runs code in the pipeline. Download to a file, verify its checksum or signature, then run it.`,
      });
    }
  }
  return issues;
}

/** A download to a named file: `curl -o f`, `curl -O url`, `wget url`, `wget -O f`, `Invoke-WebRequest -OutFile f`. */
function downloadedFile(line: string): string | undefined {
  const curlOutput = /\bcurl\b.*?\s(?:-o|--output)\s+["']?([^\s"';|&]+)/.exec(line);
  if (curlOutput?.[1]) return curlOutput[1];
  const curlRemote = /\bcurl\b.*?\s(?:-[A-Za-z]*O|--remote-name)\b.*?(https?:\/\/\S+)/.exec(line);
  if (curlRemote?.[1]) return curlRemote[1].replace(/["']/g, '').split('/').pop()?.split('?')[0];
  const curlCombined = /\bcurl\b\s+-\w*o\s+["']?([^\s"';|&]+)/.exec(line);
  if (curlCombined?.[1]) return curlCombined[1];
  const wgetOutput = /\bwget\b.*?\s(?:-O|--output-document)\s*["']?([^\s"';|&]+)/.exec(line);
  if (wgetOutput?.[1] && wgetOutput[1] !== '-') return wgetOutput[1];
  const wget = /\bwget\b(?:\s+-\S+)*\s+["']?(https?:\/\/[^\s"']+)/.exec(line);
  if (wget?.[1] && !/\|/.test(line)) return wget[1].split('/').pop()?.split('?')[0];
  const powershell = /\b(?:Invoke-WebRequest|iwr)\b.*?-OutFile\s+["']?([^\s"';|&]+)/i.exec(line);
  return powershell?.[1];
}

const CHECKSUM =
  /\b(sha(1|224|256|384|512)sum|shasum|md5sum|b2sum|gpg\s+(--verify|-v)|gpgv|cosign\s+verify|minisign\s+-V|Get-FileHash|certutil\s+-hashfile|openssl\s+dgst|slsa-verifier|gh\s+attestation\s+verify|sha256\s*-c)\b/i;

function executes(line: string, file: string): boolean {
  const base = file.split('/').pop() ?? file;
  const escaped = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const named = new RegExp(`(^|[\\s/'"])${escaped}($|[\\s'";|&])`);
  if (!named.test(line)) return false;
  return (
    /\b(chmod\s+[+0-9a-z]*x|(ba|z|da|k)?sh\s|source\s|python[0-9.]*\s|perl\s|node\s|dpkg\s+-i|rpm\s+-i|apt(-get)?\s+install|msiexec|Start-Process|&\s)/.test(
      line,
    ) || new RegExp(`(^|[;&|]\\s*)(\\./|/\\S*/)?${escaped}($|\\s)`).test(line.trim())
  );
}

/** How far after a download its execution is looked for; bounds the work on hostile scripts. */
const MAX_LINES_TO_EXECUTION = 200;

/** Scripts that download a file and run it without checking a checksum or signature first. */
export function unverifiedDownloads(model: Model, platform: PipelinePlatform): PipelineIssue[] {
  const issues: PipelineIssue[] = [];
  for (const script of stepScripts(pipelineFiles(model, platform))) {
    const joined = joinedBlock(script.block);
    const lines = commandLines(joined.text);
    if (CHECKSUM.test(joined.text)) continue;
    lines.forEach((line, index) => {
      if (PIPE_TO_SHELL.test(line.text)) return;
      const file = downloadedFile(line.text);
      if (!file || file.includes('$')) return;
      if (
        !lines
          .slice(index, index + MAX_LINES_TO_EXECUTION)
          .some((later, i) =>
            executes(i === 0 ? later.text.split(/&&|;/).slice(1).join(';') : later.text, file),
          )
      )
        return;
      issues.push({
        resource: script.job,
        range: rangeInBlock(joined, line.start, line.end),
        key: `${stepKey(script.job, script.step, script.source)}:download:${file}`,
        message: `${file} is downloaded and executed without verifying a checksum or signature; a compromised release or mirror runs its code in the pipeline. Check it with sha256sum -c (or a signature) before running it.`,
      });
    });
  }
  return issues;
}

/** Describes why an image reference is mutable. */
function imageProblem(image: ImageRef): string | undefined {
  if (image.dynamic || image.digest) return undefined;
  if (!image.tag) return `${image.raw.value} has no tag (it means latest)`;
  if (image.tag === 'latest') return `${image.raw.value} uses the latest tag`;
  return `${image.raw.value} is pinned by tag only`;
}

/** Container images (jobs, services, resources) referenced by a mutable tag. */
export function unpinnedImages(model: Model, platform: PipelinePlatform): PipelineIssue[] {
  const issues: PipelineIssue[] = [];
  for (const pipeline of pipelineFiles(model, platform)) {
    const seen = new Set<PipelineContainer>();
    const check = (container: PipelineContainer | undefined, resource: PipelineIssue['resource']) => {
      if (!container || seen.has(container)) return;
      seen.add(container);
      const problem = imageProblem(container.image);
      if (!problem) return;
      issues.push({
        resource,
        range: container.image.raw.range,
        key: container.image.raw.path,
        message: `${problem}; the image can change under the same name. Pin it by digest (name:tag@sha256:...).`,
      });
    };
    for (const container of pipeline.containers) check(container, pipeline);
    for (const job of pipeline.jobs) {
      check(job.container, job);
      for (const service of job.services) check(service, job);
    }
  }
  return issues;
}

/** Containers whose options (or GitLab service command) ask for privileged mode. */
export function privilegedOptions(model: Model, platform: PipelinePlatform): PipelineIssue[] {
  const issues: PipelineIssue[] = [];
  for (const pipeline of pipelineFiles(model, platform)) {
    for (const job of pipeline.jobs) {
      for (const container of [...pipeline.containers, job.container, ...job.services]) {
        const options = container?.options;
        if (!options?.value || !/(^|\s)--privileged(\s|=true|$)/.test(options.value)) continue;
        issues.push({
          resource: job,
          range: options.range,
          key: options.path,
          message: `Container ${container?.image.raw.value ?? ''} runs with --privileged: code in it controls the agent host.`,
        });
      }
    }
  }
  const unique = new Map(issues.map((i) => [`${i.range.startLine}:${i.range.startColumn}`, i]));
  return [...unique.values()];
}
