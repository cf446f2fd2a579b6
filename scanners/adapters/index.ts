import { declareArm } from '../arm/declare.js';
import { builtinKinds } from '../kinds/index.js';
import type { DeclaredResource } from '../model/declared.js';
import { mergeKubernetesModel } from '../model/kubernetes.js';
import { emptyModel, type Model } from '../model/model.js';
import type { SourceFile } from '../parsers/source-file.js';
import { adaptAzure, adaptGithub, adaptGitlab } from '../pipeline/index.js';
import { adaptRepositorySettings } from '../posture/adapter.js';
import { declareTerraformPlan, declareTerraformUnit, type TerraformUnitOptions } from '../terraform/index.js';
import { declareCloudFormation } from './cloudformation.js';
import { adaptDockerfile } from './dockerfile.js';
import { adaptKubernetes } from './kubernetes.js';

type Format = SourceFile['format'];

/** Adapters that fill the model directly from one file (Kubernetes, Dockerfiles, pipelines). */
const FILE_ADAPTERS: Partial<Record<Format, (file: SourceFile, model: Model) => void>> = {
  kubernetes: adaptKubernetes,
  dockerfile: adaptDockerfile,
  'github-workflow': adaptGithub,
  'github-action': adaptGithub,
  'gitlab-ci': adaptGitlab,
  'azure-pipelines': adaptAzure,
  'github-repository-settings': adaptRepositorySettings,
};

/** Evaluators that declare cloud resources of one file, mapped onto the model by kind definitions. */
const DECLARING_ADAPTERS: Partial<Record<Format, (file: SourceFile) => DeclaredResource[]>> = {
  cloudformation: declareCloudFormation,
  arm: declareArm,
  'terraform-plan': declareTerraformPlan,
};

/**
 * Builds the neutral model of a scan unit from its parsed files. A file whose adapter fails adds nothing
 * (its partial resources are rolled back) and is passed to `onError`; the other files still count.
 */
export function buildModel(
  files: SourceFile[],
  onError: (file: SourceFile, error: Error) => void,
  terraform: TerraformUnitOptions = {},
  /** Receives every declared IaC resource of the unit (the scan's resource inventory). */
  declaredOut?: DeclaredResource[],
): Model {
  const model = emptyModel();
  const declared: DeclaredResource[] = [];
  // A Terraform folder is evaluated as a whole (variables, locals, modules span its files).
  const terraformFiles = files.filter((f) => f.format === 'terraform' || f.format === 'terraform-vars');
  if (terraformFiles.length) {
    try {
      declared.push(...declareTerraformUnit(terraformFiles, terraform, onError));
    } catch (error) {
      for (const file of terraformFiles) onError(file, error as Error);
    }
  }
  for (const file of files) {
    try {
      const declare = DECLARING_ADAPTERS[file.format];
      if (declare) declared.push(...declare(file));
      const adapt = FILE_ADAPTERS[file.format];
      if (!adapt) continue;
      const scratch = emptyModel();
      adapt(file, scratch);
      mergeModel(model, scratch);
    } catch (error) {
      onError(file, error as Error);
    }
  }
  builtinKinds().map(declared, model);
  declaredOut?.push(...declared);
  return model;
}

/** Appends the directly adapted collections of `from` to `into`. */
function mergeModel(into: Model, from: Model): void {
  mergeKubernetesModel(into.kubernetes, from.kubernetes);
  into.docker.stages.push(...from.docker.stages);
  into.pipeline.files.push(...from.pipeline.files);
  into.posture.repositories.push(...from.posture.repositories);
  into.notes.push(...from.notes);
}
