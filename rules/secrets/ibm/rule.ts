import { KEYED_FILTERS } from '../../../scanners/secrets/filters.js';
import { assigned } from '../../../scanners/secrets/patterns.js';
import { secretRule } from '../../../scanners/secrets/secret-rule.js';

/** IBM Cloud API keys and Cloud Object Storage HMAC secrets. */
export default secretRule({
  id: 'PAL-SECRET-005',
  title: 'IBM Cloud credential in source',
  severity: 'high',
  severityRationale: 'A working credential lets anyone who reads the repository act as its owner.',
  description: 'An IBM Cloud API key or a Cloud Object Storage HMAC secret is committed to the repository.',
  remediation:
    'Delete the API key in IBM Cloud IAM (or the HMAC credential of the service) and read a new one from Secrets Manager at run time.',
  tags: ['ibm', 'credential'],
  detectors: [
    {
      id: 'ibm-cloud-api-key',
      description: 'IBM Cloud IAM API key',
      keywords: ['ibm', 'ic_api_key', 'ibmcloud'],
      pattern: assigned(
        'ibm[_.-]?(?:cloud[_.-]?)?(?:iam[_.-]?)?api[_.-]?key|ic_api_key|ibmcloud_api_key',
        '[A-Za-z0-9_-]{44}',
      ),
      filters: KEYED_FILTERS,
      minEntropy: 4,
    },
    {
      id: 'ibm-cos-hmac-secret',
      description: 'IBM Cloud Object Storage HMAC secret access key',
      keywords: ['cos_hmac', 'secret_access_key', 'cos_secret', 'ibm_cos'],
      pattern: assigned(
        '(?:ibm[_.-]?)?cos[_.-]?(?:hmac[_.-]?)?secret(?:[_.-]?access)?[_.-]?key',
        '[a-f0-9]{48}',
      ),
      filters: KEYED_FILTERS,
    },
  ],
});
