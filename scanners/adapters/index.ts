import { emptyModel, type Model } from '../model/model.js';
import type { SourceFile } from '../parsers/source-file.js';
import { adaptCloudFormation } from './cloudformation.js';
import { adaptDockerfile } from './dockerfile.js';
import { adaptKubernetes } from './kubernetes.js';

const ADAPTERS: Partial<Record<SourceFile['format'], (file: SourceFile, model: Model) => void>> = {
  cloudformation: adaptCloudFormation,
  kubernetes: adaptKubernetes,
  dockerfile: adaptDockerfile,
};

/**
 * Builds the neutral model of a scan unit from its parsed files. A file whose adapter fails adds nothing
 * (its partial resources are rolled back) and is passed to `onError`; the other files still count.
 */
export function buildModel(files: SourceFile[], onError: (file: SourceFile, error: Error) => void): Model {
  const model = emptyModel();
  for (const file of files) {
    const adapt = ADAPTERS[file.format];
    if (!adapt) continue;
    const scratch = emptyModel();
    try {
      adapt(file, scratch);
    } catch (error) {
      onError(file, error as Error);
      continue;
    }
    model.aws.s3.buckets.push(...scratch.aws.s3.buckets);
    model.kubernetes.workloads.push(...scratch.kubernetes.workloads);
    model.docker.stages.push(...scratch.docker.stages);
  }
  return model;
}
