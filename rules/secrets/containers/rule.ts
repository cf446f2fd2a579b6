import { KEYED_FILTERS, PREFIXED_FILTERS } from '../../../scanners/secrets/filters.js';
import { assigned, token } from '../../../scanners/secrets/patterns.js';
import { secretRule } from '../../../scanners/secrets/secret-rule.js';

/** Docker Hub and other container registry tokens. */
export default secretRule({
  id: 'PAL-SECRET-015',
  title: 'Container registry token in source',
  severity: 'high',
  severityRationale: 'A working credential lets anyone who reads the repository act as its owner.',
  description:
    'A container registry token (Docker Hub personal or organisation access token, Quay robot token) is committed to the repository; it can push images that your deployments pull.',
  remediation:
    "Delete the access token in the registry's security settings and log in from CI with a masked secret.",
  tags: ['containers', 'credential'],
  detectors: [
    {
      id: 'dockerhub-pat',
      description: 'Docker Hub personal access token',
      keywords: ['dckr_pat_'],
      pattern: token('dckr_pat_[A-Za-z0-9_-]{27}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'dockerhub-oat',
      description: 'Docker Hub organisation access token',
      keywords: ['dckr_oat_'],
      pattern: token('dckr_oat_[A-Za-z0-9_-]{32}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'quay-robot-token',
      description: 'Quay.io robot account token',
      keywords: ['quay'],
      pattern: assigned('quay[_.-]?(?:robot[_.-]?)?(?:token|password)', '[A-Z0-9]{64}'),
      filters: KEYED_FILTERS,
    },
  ],
});
