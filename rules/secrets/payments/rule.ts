import { KEYED_FILTERS, PREFIXED_FILTERS } from '../../../scanners/secrets/filters.js';
import { assigned, token } from '../../../scanners/secrets/patterns.js';
import { secretRule } from '../../../scanners/secrets/secret-rule.js';

/** Stripe, Square, PayPal/Braintree, Razorpay and Adyen credentials. */
export default secretRule({
  id: 'PAL-SECRET-022',
  title: 'Payment provider credential in source',
  severity: 'critical',
  severityRationale: 'A live payment key can issue refunds, read customer data and move money.',
  description:
    'A live payment provider credential (Stripe secret or restricted key or webhook secret, Square access token or OAuth secret, PayPal or Braintree credentials, Razorpay or Adyen key) is committed to the repository.',
  remediation:
    'Roll the key in the provider dashboard immediately, review recent API activity, and load the new key from a secret store.',
  tags: ['payments', 'credential'],
  detectors: [
    {
      id: 'stripe-secret-key',
      description: 'Stripe live secret key',
      keywords: ['sk_live_'],
      pattern: token('sk_live_[A-Za-z0-9]{24,99}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'stripe-restricted-key',
      description: 'Stripe live restricted key',
      keywords: ['rk_live_'],
      pattern: token('rk_live_[A-Za-z0-9]{24,99}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'stripe-webhook-secret',
      description: 'Stripe webhook signing secret',
      keywords: ['whsec_'],
      pattern: token('whsec_[A-Za-z0-9]{32,64}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'square-access-token',
      description: 'Square access token',
      keywords: ['eaaa', 'sq0atp-'],
      pattern: token('(?:EAAA[A-Za-z0-9_-]{60}|sq0atp-[A-Za-z0-9_-]{22})'),
      maxMatchChars: 66,
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'square-oauth-secret',
      description: 'Square OAuth application secret',
      keywords: ['sq0csp-'],
      pattern: token('sq0csp-[A-Za-z0-9_-]{43}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'braintree-access-token',
      description: 'PayPal Braintree access token',
      keywords: ['access_token$production$'],
      pattern: token(String.raw`access_token\$production\$[a-z0-9]{16}\$[a-f0-9]{32}`),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'braintree-private-key',
      description: 'Braintree private key',
      keywords: ['braintree'],
      pattern: assigned('braintree[_.-]?private[_.-]?key', '[a-f0-9]{32}'),
      filters: KEYED_FILTERS,
    },
    {
      id: 'paypal-client-secret',
      description: 'PayPal REST client secret',
      keywords: ['paypal'],
      pattern: assigned('paypal[_.-]?(?:client[_.-]?|app[_.-]?)?secret', 'E[A-Za-z0-9_-]{79}'),
      filters: KEYED_FILTERS,
    },
    {
      id: 'razorpay-key-secret',
      description: 'Razorpay key secret',
      keywords: ['razorpay', 'rzp_live_'],
      pattern: assigned('razorpay[_.-]?(?:key[_.-]?)?secret', '[A-Za-z0-9]{24}'),
      filters: KEYED_FILTERS,
      minEntropy: 3.8,
    },
    {
      id: 'adyen-api-key',
      description: 'Adyen API key',
      keywords: ['aqe'],
      pattern: token(String.raw`AQE[a-z0-9]{1,3}[A-Za-z0-9+/=_.-]{20,}\.[A-Za-z0-9+/=_.-]{40,}`),
      filters: PREFIXED_FILTERS,
      minEntropy: 4,
    },
  ],
});
