import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-FUNCTIONS-003',
  title: 'HTTP-triggered Cloud Function accepts plain HTTP',
  severity: 'medium',
  severityRationale: 'Requests and responses, including tokens, can cross the network unencrypted.',
  category: 'iac',
  description:
    'A first-generation HTTP function keeps https_trigger_security_level at SECURE_OPTIONAL (the default), so it serves plain HTTP too.',
  cwe: ['CWE-319'],
  remediation:
    'Set https_trigger_security_level = "SECURE_ALWAYS" (second-generation functions always use HTTPS).',
  tags: ['gcp', 'functions'],
  formats: ['terraform'],
  resources: 'google.functions.functions',
  when: {
    all: [
      { attribute: 'httpsSecurityLevel', equals: 'SECURE_OPTIONAL' },
      { attribute: 'httpsTrigger', equals: true },
    ],
  },
  message: 'Function {address} serves plain HTTP.',
});
