/** Turns an upload into a recorded scan: the one ingestion path for the API and the demo data. */
import { CODE_CATEGORIES } from '../../scanners/core/types.js';
import type { FindingContent } from '../domain/lifecycle.js';
import type { ScanUpload, UploadFinding } from '../schemas/upload.js';
import type { RunKey, ScanView, Storage } from '../storage/storage.js';

export interface IngestResult {
  scan: ScanView;
  /** False when this run was already recorded: the existing scan is returned, nothing changes. */
  created: boolean;
  /** Findings that repeated a fingerprint already in the same upload (the last one wins). */
  duplicates: number;
}

/** Records `upload` for the organisation, applying the finding lifecycle; idempotent on its run. */
export async function ingestScan(
  storage: Storage,
  organizationId: number,
  upload: ScanUpload,
  now = new Date().toISOString(),
): Promise<IngestResult> {
  const byFingerprint = new Map<string, FindingContent>();
  for (const finding of upload.findings) byFingerprint.set(finding.fingerprint, toContent(finding));
  const { scan, created } = await storage.recordScan(
    {
      ...runKeyOf(organizationId, upload),
      branch: upload.branch,
      runUrl: upload.runUrl ?? null,
      pullRequest: upload.pullRequest ?? null,
      toolName: upload.tool?.name ?? 'palisade',
      toolVersion: upload.tool?.version ?? 'unknown',
      categories: upload.categories ?? CODE_CATEGORIES,
      findings: [...byFingerprint.values()],
    },
    now,
  );
  // Right after the scan, idempotently: a retry whose scan is already recorded still stores these.
  const inventoryChanged = await storage.cloud.recordBranchInventory(
    {
      organizationId,
      repositoryId: scan.repository.id,
      branch: upload.branch,
      scanId: scan.id,
      commit: scan.commit,
      kind: upload.kind,
      resources: upload.resources,
      codeowners: upload.codeowners,
    },
    now,
  );
  // Findings changed: the code-to-cloud analysis (priorities, owners, scores) is out of date.
  if (created && !inventoryChanged) await storage.cloud.requestAnalysis(organizationId);
  return { scan, created, duplicates: upload.findings.length - byFingerprint.size };
}

/** The idempotency key of an upload's run, as scans and ingest jobs store it. */
export function runKeyOf(organizationId: number, upload: ScanUpload): RunKey {
  return {
    organizationId,
    provider: upload.provider,
    owner: upload.organization,
    repository: upload.repository,
    commit: upload.commit.toLowerCase(),
    kind: upload.kind,
    runId: upload.runId,
  };
}

/** An upload as a queued job keeps it: the same, without snippets (the server keeps no source text). */
export function queuedPayload(upload: ScanUpload): string {
  return JSON.stringify({
    ...upload,
    findings: upload.findings.map(({ snippet: _snippet, ...finding }) => finding),
  });
}

/** The stored content of an uploaded finding. The snippet is dropped: the server keeps no source text. */
function toContent(finding: UploadFinding): FindingContent {
  return {
    fingerprint: finding.fingerprint,
    ruleId: finding.ruleId,
    title: finding.title,
    severity: finding.severity,
    category: finding.category,
    message: finding.message,
    file: finding.location.file,
    startLine: finding.location.startLine,
    startColumn: finding.location.startColumn,
    endLine: finding.location.endLine,
    endColumn: finding.location.endColumn,
    resource: finding.resource ?? null,
    helpUri: finding.helpUri,
    remediation: finding.remediation,
    cwe: JSON.stringify(finding.cwe),
    tags: JSON.stringify(finding.tags),
    secretSha256: finding.secret?.sha256 ?? null,
    secretPreview: finding.secret?.preview ?? null,
    suppressionKind: finding.suppression?.kind ?? null,
    suppressionJustification: finding.suppression?.justification ?? null,
  };
}
