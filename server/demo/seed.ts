/**
 * Demo data from real scans: the engine scans small example repositories (server/demo/repositories/, which
 * contain misconfigurations and fake credentials on purpose) and the results go through the same ingestion
 * as any upload, and the example cloud data of platform-infra (server/demo/cloud/: a Prowler OCSF file and a
 * Terraform state) goes through the cloud import, so the analysis links them. Nothing is made up.
 */
import { readFile } from 'node:fs/promises';
import { readCloudInventory } from '../../scanners/cloud/inventory.js';
import { packagePath } from '../../scanners/core/package.js';
import type { Finding } from '../../scanners/core/types.js';
import { scan } from '../../scanners/index.js';
import { ingestScan } from '../ingest/ingest-scan.js';
import type { ScanUpload } from '../schemas/upload.js';
import type { Storage } from '../storage/storage.js';

export interface DemoResult {
  seeded: boolean;
  scans: number;
  /** Cloud inventory snapshots imported from server/demo/cloud/ (when seeded). */
  cloudImports?: number;
}

/** Matching cloud data for platform-infra: what Prowler and the Terraform state say is deployed. */
const DEMO_CLOUD_FILES = ['platform-infra.tfstate', 'prowler-ocsf.json'];

interface DemoScan {
  repository: string;
  branch: string;
  commit: string;
  kind: 'full' | 'diff';
  /** The folder under server/demo/repositories/ to scan. */
  folder: string;
  /** Findings to leave out, as if fixed in this commit. */
  fixed?: (finding: Finding) => boolean;
  hoursAgo: number;
}

// A history with a fix: the second full scan of main no longer has the leaked keys, so they close.
const DEMO_SCANS: DemoScan[] = [
  {
    repository: 'platform-infra',
    branch: 'main',
    commit: 'a1c9e5f0b2d4',
    kind: 'full',
    folder: 'platform-infra',
    hoursAgo: 72,
  },
  {
    repository: 'platform-infra',
    branch: 'main',
    commit: 'b7d20c4e9f13',
    kind: 'full',
    folder: 'platform-infra',
    fixed: (finding) => finding.category === 'secret',
    hoursAgo: 26,
  },
  {
    repository: 'platform-infra',
    branch: 'feature/harden-buckets',
    commit: 'c3e81a7d5b60',
    kind: 'diff',
    folder: 'platform-infra/modules',
    hoursAgo: 5,
  },
  {
    repository: 'k8s-manifests',
    branch: 'main',
    commit: 'd4f5a6b7c8e9',
    kind: 'full',
    folder: 'k8s-manifests',
    hoursAgo: 30,
  },
  {
    repository: 'container-images',
    branch: 'main',
    commit: 'e5a6b7c8d9f0',
    kind: 'full',
    folder: 'container-images',
    hoursAgo: 3,
  },
];

/** Seeds demo scans into the organisation when the database has no scans yet. */
export async function seedDemoData(
  storage: Storage,
  organizationId: number,
  now = Date.now(),
): Promise<DemoResult> {
  if ((await storage.countScans()) > 0) return { seeded: false, scans: 0 };
  for (const demo of DEMO_SCANS) {
    const result = await scan({
      root: packagePath(`server/demo/repositories/${demo.folder}`),
      baseline: false,
    });
    const findings = demo.fixed
      ? result.findings.filter((finding) => !demo.fixed!(finding))
      : result.findings;
    const upload: ScanUpload = {
      provider: 'github',
      organization: 'acme-demo',
      repository: demo.repository,
      branch: demo.branch,
      commit: demo.commit,
      kind: demo.kind,
      runId: `demo-${demo.commit}`,
      tool: { name: result.tool.name, version: result.tool.version },
      findings,
      // Full scans carry their IaC inventory, which the cloud data below links to.
      ...(demo.kind === 'full' ? { resources: result.resources ?? [] } : {}),
    };
    await ingestScan(
      storage,
      organizationId,
      upload,
      new Date(now - demo.hoursAgo * 3_600_000).toISOString(),
    );
  }
  let cloudImports = 0;
  for (const file of DEMO_CLOUD_FILES) {
    const text = await readFile(packagePath(`server/demo/cloud/${file}`), 'utf8');
    for (const cloudImport of readCloudInventory(text, file)) {
      await storage.cloud.importCloud(
        organizationId,
        cloudImport,
        new Date(now - 2 * 3_600_000).toISOString(),
      );
      cloudImports += 1;
    }
  }
  return { seeded: true, scans: DEMO_SCANS.length, cloudImports };
}
