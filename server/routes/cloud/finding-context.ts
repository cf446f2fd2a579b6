/** What code to cloud adds to one finding's view: where it is deployed, its priority and a link to the code. */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { codeUrl } from '../../domain/code-url.js';
import type { DeployedResourceView, PriorityView } from '../../storage/cloud-storage.js';
import type { FindingView } from '../../storage/storage.js';
import { DeployedResourceSchema, PrioritySchema } from './schemas.js';

/** Reply properties of GET /api/v1/findings/:id added by code to cloud. */
export const FindingCodeToCloudProperties = {
  deployed: Type.Array(DeployedResourceSchema, {
    description: "Deployed resources linked to the finding's IaC resource, with their failing runtime checks",
  }),
  priority: Type.Union([PrioritySchema, Type.Null()], {
    description: 'Priority 0-100 with its reasons; null when the analysis has not scored this finding',
  }),
  codeUrl: Type.Union([Type.String(), Type.Null()], {
    description: 'The file and line at the last scanned commit on GitHub, GitLab or Azure DevOps',
  }),
};

export async function findingCodeToCloud(
  app: FastifyInstance,
  organizationId: number,
  finding: FindingView,
): Promise<{ deployed: DeployedResourceView[]; priority: PriorityView | null; codeUrl: string | null }> {
  const extras = await app.storage.cloud.findingExtras(organizationId, finding.id);
  const deployed = await app.storage.cloud.deployedForFinding(organizationId, finding.id);
  const url =
    extras?.commit == null
      ? null
      : codeUrl(
          {
            provider: finding.repository.provider,
            owner: finding.repository.owner,
            repository: finding.repository.name,
            commit: extras.commit,
            file: finding.location.file,
            line: finding.location.startLine,
          },
          app.codeToCloud.codeHosts,
        );
  return { deployed, priority: extras?.priority ?? null, codeUrl: url };
}
