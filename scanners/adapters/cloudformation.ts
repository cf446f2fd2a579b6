import type { Model, S3Bucket } from '../model/model.js';
import type { SourceFile } from '../parsers/source-file.js';
import { child, entry, type MapEntry, scalar, type TreeNode } from '../parsers/tree.js';
import { boolAttr, type ScalarResolver, stringAttr } from './values.js';

/** Adds the resources of a CloudFormation (or SAM) template to the model. */
export function adaptCloudFormation(file: SourceFile, model: Model): void {
  for (const { tree } of file.documents) {
    const resources = child(tree, 'Resources');
    if (!tree || resources?.kind !== 'map') continue;
    const resolve = referenceResolver(tree);
    for (const resource of resources.entries) {
      const type = scalar(child(resource.value, 'Type'));
      if (type === 'AWS::S3::Bucket') model.aws.s3.buckets.push(s3Bucket(file, resource, resolve));
    }
  }
}

/**
 * Resolves `Ref` to a parameter's default. Pseudo parameters, parameters without defaults and every
 * other intrinsic function are unknowable statically.
 */
function referenceResolver(template: TreeNode): ScalarResolver {
  const parameters = child(template, 'Parameters');
  return (node) => {
    const reference = referencedName(node);
    if (reference === undefined) {
      if (node.kind === 'scalar' && !node.tag) return { known: true, value: node.value };
      return { known: false };
    }
    const defaultNode = child(child(parameters, reference), 'Default');
    if (defaultNode?.kind === 'scalar') return { known: true, value: defaultNode.value };
    return { known: false };
  };
}

function referencedName(node: TreeNode): string | undefined {
  if (node.kind === 'scalar' && node.tag === '!Ref') return String(node.value);
  if (node.kind === 'map' && node.entries.length === 1) {
    const only = node.entries[0];
    if (only?.key === 'Ref') return String(scalar(only.value));
  }
  return undefined;
}

function s3Bucket(file: SourceFile, resource: MapEntry, resolve: ScalarResolver): S3Bucket {
  const header = resource.keyRange;
  const properties = child(resource.value, 'Properties');
  const versioning = child(properties, 'VersioningConfiguration');
  const status = entry(versioning, 'Status')?.value;
  const statusAttr = stringAttr(status, undefined, versioning?.range ?? header, 'versioning.status', resolve);
  const enabled = versioning
    ? { ...statusAttr, value: statusAttr.value === undefined ? undefined : statusAttr.value === 'Enabled' }
    : boolAttr(undefined, false, header, 'versioning.enabled');
  const mfaStatus = stringAttr(child(versioning, 'MfaDelete'), 'Disabled', header, 'versioning.mfaDelete');
  return {
    kind: 'aws.s3.bucket',
    address: `Resources.${resource.key}`,
    file: file.path,
    format: file.format,
    range: { ...header, endLine: resource.value.range.endLine, endColumn: resource.value.range.endColumn },
    headerRange: header,
    name: stringAttr(child(properties, 'BucketName'), undefined, header, 'name', resolve),
    versioning: {
      enabled: { ...enabled, path: 'versioning.enabled' },
      mfaDelete: {
        ...mfaStatus,
        value: mfaStatus.value === undefined ? undefined : mfaStatus.value === 'Enabled',
      },
    },
  };
}
