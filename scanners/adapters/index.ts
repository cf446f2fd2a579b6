import { emptyModel, type Model } from '../model/model.js';
import type { SourceFile } from '../parsers/source-file.js';
import { adaptCloudFormation } from './cloudformation.js';
import { adaptDockerfile } from './dockerfile.js';
import { adaptKubernetes } from './kubernetes.js';

/** Builds the neutral model of a scan unit from its parsed files. */
export function buildModel(files: SourceFile[]): Model {
  const model = emptyModel();
  for (const file of files) {
    if (file.format === 'cloudformation') adaptCloudFormation(file, model);
    else if (file.format === 'kubernetes') adaptKubernetes(file, model);
    else if (file.format === 'dockerfile') adaptDockerfile(file, model);
  }
  return model;
}
