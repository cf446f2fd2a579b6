import type { KindDefinition } from '../../model/kinds.js';
import { APIGATEWAY_KINDS } from './apigateway.js';
import { CLOUDFRONT_KINDS } from './cloudfront.js';
import { DATA_SERVICE_KINDS } from './data-services.js';
import { DATABASE_KINDS } from './databases.js';
import { ELB_KINDS } from './elb.js';
import { MESSAGING_KINDS } from './messaging.js';
import { MONITORING_KINDS } from './monitoring.js';
import { WAF_KINDS } from './waf.js';

/** Logging and monitoring, load balancing and edge, data and messaging services, account-level services. */
export const AWS_MANAGED_KINDS: KindDefinition[] = [
  ...MONITORING_KINDS,
  ...ELB_KINDS,
  ...WAF_KINDS,
  ...APIGATEWAY_KINDS,
  ...CLOUDFRONT_KINDS,
  ...DATABASE_KINDS,
  ...MESSAGING_KINDS,
  ...DATA_SERVICE_KINDS,
];
