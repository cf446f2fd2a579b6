import type { KindDefinition } from '../../model/kinds.js';
import { keyedSetting, upper } from './settings.js';

const attribute = (key: string, fallback: string) => keyedSetting('Key', 'Value', key, fallback);

/** Elastic Load Balancing: v2 load balancers (application, network, gateway), their listeners, classic ELBs. */
export const ELB_KINDS: KindDefinition[] = [
  {
    kind: 'aws.elb.loadBalancer',
    collection: 'aws.elb.loadBalancers',
    fields: {
      type: 'string',
      internal: 'bool',
      dropInvalidHeaderFields: 'bool',
      deletionProtection: 'bool',
      accessLogsEnabled: 'bool',
      desyncMitigationMode: 'string',
    },
    sources: [
      {
        family: 'terraform',
        types: ['aws_lb', 'aws_alb'],
        fields: {
          type: { path: 'load_balancer_type', default: 'application' },
          internal: { path: 'internal', default: false },
          dropInvalidHeaderFields: { path: 'drop_invalid_header_fields', default: false },
          deletionProtection: { path: 'enable_deletion_protection', default: false },
          accessLogsEnabled: { path: 'access_logs.enabled', default: false },
          desyncMitigationMode: { path: 'desync_mitigation_mode', default: 'defensive' },
        },
      },
      {
        family: 'cloudformation',
        types: ['AWS::ElasticLoadBalancingV2::LoadBalancer'],
        fields: {
          type: { path: 'Type', default: 'application' },
          internal: { path: 'Scheme', default: false, map: (v) => v === 'internal' },
          dropInvalidHeaderFields: {
            path: 'LoadBalancerAttributes',
            default: false,
            map: attribute('routing.http.drop_invalid_header_fields.enabled', 'false'),
          },
          deletionProtection: {
            path: 'LoadBalancerAttributes',
            default: false,
            map: attribute('deletion_protection.enabled', 'false'),
          },
          accessLogsEnabled: {
            path: 'LoadBalancerAttributes',
            default: false,
            map: attribute('access_logs.s3.enabled', 'false'),
          },
          desyncMitigationMode: {
            path: 'LoadBalancerAttributes',
            default: 'defensive',
            map: attribute('routing.http.desync_mitigation_mode', 'defensive'),
          },
        },
      },
    ],
  },
  {
    kind: 'aws.elb.listener',
    collection: 'aws.elb.listeners',
    fields: {
      loadBalancer: 'string',
      protocol: 'string',
      sslPolicy: 'string',
      defaultActionType: 'string',
      redirectProtocol: 'string',
    },
    sources: [
      {
        family: 'terraform',
        types: ['aws_lb_listener', 'aws_alb_listener'],
        fields: {
          loadBalancer: 'load_balancer_arn',
          // Absent on gateway load balancers; an application load balancer then defaults to HTTP.
          protocol: { path: 'protocol', map: upper },
          sslPolicy: 'ssl_policy',
          defaultActionType: 'default_action.type',
          // The provider's default keeps the request's own protocol.
          redirectProtocol: { path: 'default_action.redirect.protocol', default: '#{protocol}', map: upper },
        },
      },
      {
        family: 'cloudformation',
        types: ['AWS::ElasticLoadBalancingV2::Listener'],
        fields: {
          loadBalancer: 'LoadBalancerArn',
          protocol: { path: 'Protocol', map: upper },
          sslPolicy: 'SslPolicy',
          defaultActionType: 'DefaultActions.Type',
          redirectProtocol: {
            path: 'DefaultActions.RedirectConfig.Protocol',
            default: '#{protocol}',
            map: upper,
          },
        },
      },
    ],
  },
  {
    kind: 'aws.elb.classicLoadBalancer',
    collection: 'aws.elb.classicLoadBalancers',
    fields: { 'accessLogs.configured': 'present', 'accessLogs.enabled': 'bool' },
    children: { listeners: { protocol: 'string' } },
    sources: [
      {
        family: 'terraform',
        types: ['aws_elb'],
        fields: {
          'accessLogs.configured': 'access_logs',
          'accessLogs.enabled': { path: 'access_logs.enabled', default: true },
        },
        children: {
          listeners: { path: 'listener', fields: { protocol: { path: 'lb_protocol', map: upper } } },
        },
      },
      {
        family: 'cloudformation',
        types: ['AWS::ElasticLoadBalancing::LoadBalancer'],
        fields: {
          'accessLogs.configured': 'AccessLoggingPolicy',
          'accessLogs.enabled': 'AccessLoggingPolicy.Enabled',
        },
        children: {
          listeners: { path: 'Listeners', fields: { protocol: { path: 'Protocol', map: upper } } },
        },
      },
    ],
  },
];
