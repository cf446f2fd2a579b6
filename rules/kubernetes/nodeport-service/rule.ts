import { conditionRule } from '../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-K8S-040',
  title: 'Service is exposed on every node through a NodePort',
  severity: 'low',
  severityRationale:
    "A NodePort opens the service on every node's address; whether that reaches the internet depends on the node firewall.",
  category: 'iac',
  description:
    'A Service of `type: NodePort` listens on a port of every node of the cluster. Any client that can reach a node reaches the service, past Ingress controllers, authentication proxies and most NetworkPolicies.',
  cwe: ['CWE-668'],
  remediation:
    'Use a ClusterIP Service behind an Ingress or Gateway, or an internal LoadBalancer, instead of a NodePort.',
  tags: ['kubernetes', 'network'],
  formats: ['kubernetes'],
  resources: 'kubernetes.services',
  when: { attribute: 'type', equals: 'NodePort' },
  message: 'Service {address} is exposed on every node through a NodePort.',
});
