import { KEYED_FILTERS, PREFIXED_FILTERS } from '../../../scanners/secrets/filters.js';
import { assigned, token } from '../../../scanners/secrets/patterns.js';
import { secretRule } from '../../../scanners/secrets/secret-rule.js';

/** Heroku, Vercel, Netlify, Fly.io, Render and Railway tokens. */
export default secretRule({
  id: 'PAL-SECRET-010',
  title: 'Application platform token in source',
  severity: 'high',
  severityRationale: 'A working credential lets anyone who reads the repository act as its owner.',
  description:
    'A deployment platform token (Heroku, Vercel, Netlify, Fly.io, Render or Railway) is committed to the repository; it can deploy code and read application secrets.',
  remediation:
    "Revoke the token in the platform's account settings, create a new one, and store it as a CI secret.",
  tags: ['paas', 'credential'],
  detectors: [
    {
      id: 'heroku-api-key',
      description: 'Heroku API key',
      keywords: ['heroku'],
      pattern: assigned(
        'heroku[_.-]?(?:api[_.-]?)?(?:key|token)',
        '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
      ),
      filters: KEYED_FILTERS,
    },
    {
      id: 'heroku-platform-token',
      description: 'Heroku platform API token',
      keywords: ['hrku-'],
      pattern: token('HRKU-(?:AA)?[A-Za-z0-9_-]{58,60}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'vercel-token',
      description: 'Vercel access token',
      keywords: ['vercel', 'now_token'],
      pattern: assigned('vercel[_.-]?(?:api[_.-]?|access[_.-]?)?token|now_token', '[A-Za-z0-9]{24}'),
      filters: KEYED_FILTERS,
      minEntropy: 3.8,
    },
    {
      id: 'vercel-prefixed-token',
      description: 'Vercel access token (prefixed)',
      keywords: ['vcp_', 'vci_', 'vca_', 'vcr_', 'vck_'],
      pattern: token('vc[pikar]_[A-Za-z0-9]{56}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'netlify-pat',
      description: 'Netlify personal access token',
      keywords: ['nfp_'],
      pattern: token('nfp_[A-Za-z0-9]{36}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'netlify-token',
      description: 'Netlify access token',
      keywords: ['netlify'],
      pattern: assigned('netlify[_.-]?(?:auth[_.-]?|access[_.-]?|api[_.-]?)?token', '[A-Za-z0-9_-]{40,46}'),
      filters: KEYED_FILTERS,
      minEntropy: 4,
    },
    {
      id: 'flyio-token',
      description: 'Fly.io access token',
      keywords: ['fo1_', 'fm1', 'fm2_'],
      pattern: token('(?:fo1_[A-Za-z0-9_-]{43}|fm[12][ar]?_[A-Za-z0-9+/]{100,}={0,3})'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'render-api-key',
      description: 'Render API key',
      keywords: ['rnd_'],
      pattern: token('rnd_[A-Za-z0-9]{32}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'railway-token',
      description: 'Railway API token',
      keywords: ['railway'],
      pattern: assigned(
        'railway[_.-]?(?:api[_.-]?)?token',
        '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
      ),
      filters: KEYED_FILTERS,
    },
  ],
});
