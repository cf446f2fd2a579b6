import { defineRule, field, resources } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-AWS-EKS-002',
  title: 'EKS cluster does not encrypt Kubernetes secrets with KMS',
  severity: 'medium',
  severityRationale:
    'Secrets are only encrypted by the default etcd disk encryption; a KMS envelope adds key control and audit.',
  category: 'iac',
  description:
    'The EKS cluster has no encryption configuration for the secrets resource, so Kubernetes secrets are not envelope-encrypted with a KMS key.',
  cwe: ['CWE-311'],
  benchmarks: [{ framework: 'AWS Foundational Security Best Practices', control: 'EKS.3' }],
  remediation:
    'Add an encryption_config (EncryptionConfig) for resources ["secrets"] with a customer managed KMS key.',
  tags: ['aws', 'eks', 'kubernetes', 'encryption'],
  formats: ['terraform', 'cloudformation'],
  check({ model, report }) {
    for (const cluster of resources(model, 'aws.eks.clusters')) {
      const encrypted = field<unknown[]>(cluster, 'encryptedResources');
      if (encrypted.origin === 'unresolvable' || !Array.isArray(encrypted.value)) continue;
      if (encrypted.value.includes('secrets') || encrypted.value.some((v) => v === undefined)) continue;
      report({
        resource: cluster,
        attr: encrypted,
        message: `EKS cluster ${cluster.address} does not encrypt secrets with KMS.`,
      });
    }
  },
});
