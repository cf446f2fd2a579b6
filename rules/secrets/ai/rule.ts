import { KEYED_FILTERS, PREFIXED_FILTERS } from '../../../scanners/secrets/filters.js';
import { assigned, token } from '../../../scanners/secrets/patterns.js';
import { secretRule } from '../../../scanners/secrets/secret-rule.js';

/** AI platform API keys: OpenAI, Anthropic, Hugging Face, Replicate, Groq, Perplexity, xAI, Cohere. */
export default secretRule({
  id: 'PAL-SECRET-027',
  title: 'AI platform API key in source',
  severity: 'high',
  severityRationale: 'AI API keys are billed per use and are abused within hours of leaking.',
  description:
    'An AI platform API key (OpenAI, Anthropic, Hugging Face, Replicate, Groq, Perplexity, xAI, Cohere) is committed to the repository.',
  remediation:
    "Delete the key in the provider's console, set a spending limit, and read the new key from the environment.",
  tags: ['ai', 'credential'],
  detectors: [
    {
      id: 'openai-api-key',
      description: 'OpenAI API key',
      keywords: ['t3blbkfj'],
      pattern: token('sk-(?:(?:proj|svcacct|admin)-)?[A-Za-z0-9_-]{20,160}T3BlbkFJ[A-Za-z0-9_-]{20,160}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'anthropic-api-key',
      description: 'Anthropic API key',
      keywords: ['sk-ant-api'],
      pattern: token('sk-ant-api03-[A-Za-z0-9_-]{93}AA'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'anthropic-admin-key',
      description: 'Anthropic admin API key',
      keywords: ['sk-ant-admin'],
      pattern: token('sk-ant-admin01-[A-Za-z0-9_-]{93}AA'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'huggingface-token',
      description: 'Hugging Face user access token',
      keywords: ['hf_'],
      pattern: token('hf_[A-Za-z]{34}'),
      filters: PREFIXED_FILTERS,
      minEntropy: 3.5,
    },
    {
      id: 'huggingface-org-token',
      description: 'Hugging Face organization API token',
      keywords: ['api_org_'],
      pattern: token('api_org_[A-Za-z]{34}'),
      filters: PREFIXED_FILTERS,
      minEntropy: 3.5,
    },
    {
      id: 'replicate-api-token',
      description: 'Replicate API token',
      keywords: ['r8_'],
      pattern: token('r8_[A-Za-z0-9]{37}'),
      filters: PREFIXED_FILTERS,
      minEntropy: 3.5,
    },
    {
      id: 'groq-api-key',
      description: 'Groq API key',
      keywords: ['gsk_'],
      pattern: token('gsk_[A-Za-z0-9]{52}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'perplexity-api-key',
      description: 'Perplexity API key',
      keywords: ['pplx-'],
      pattern: token('pplx-[A-Za-z0-9]{48}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'xai-api-key',
      description: 'xAI API key',
      keywords: ['xai-'],
      pattern: token('xai-[A-Za-z0-9]{80}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'cohere-api-key',
      description: 'Cohere API key',
      keywords: ['cohere', 'co_api_key'],
      pattern: assigned('cohere[_.-]?(?:api[_.-]?)?(?:key|token)|co_api_key', '[A-Za-z0-9]{40}'),
      filters: KEYED_FILTERS,
      minEntropy: 4,
    },
  ],
});
