import { defineRule } from '../../../scanners/rules/api.js';

/** AWS access key ids: a four-letter prefix for the key type and 16 base-32 characters. */
const ACCESS_KEY_ID = /(?<![A-Z0-9])((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})(?![A-Z0-9])/g;

/** AWS's own documentation uses these; they are never live. */
const DOCUMENTED_EXAMPLES = new Set(['AKIAIOSFODNN7EXAMPLE', 'AKIAI44QH8DHBEXAMPLE']);

export default defineRule({
  id: 'PAL-SECRET-001',
  title: 'AWS access key id in source',
  severity: 'high',
  severityRationale: 'An access key id is half of a credential; the secret key is usually close by.',
  category: 'secret',
  description:
    'An AWS access key id is committed to the repository. Anyone with read access to the code, or its history, learns it; the secret access key usually sits next to it.',
  cwe: ['CWE-798'],
  remediation:
    'Deactivate and delete the key in IAM, then load credentials from the environment, an instance role or a secret store.',
  tags: ['aws', 'credential'],
  formats: ['*'],
  check({ files, report }) {
    for (const file of files) {
      for (const match of file.text.matchAll(ACCESS_KEY_ID)) {
        const value = match[1]!;
        if (DOCUMENTED_EXAMPLES.has(value)) continue;
        const start = match.index;
        report({ file: file.path, range: file.lines.range(start, start + value.length), secret: value });
      }
    }
  },
});
