/** Shared by PAL-K8S-008 and PAL-K8S-009, which split the capabilities in `securityContext.capabilities.add`. */
import type { RuleDefinition } from '../../scanners/rules/api.js';
import { containersOf, describeContainer } from './workloads.js';

/** ALL and the capabilities that let a process escape its container or take over the node (PAL-K8S-009). */
export const NODE_TAKEOVER_CAPABILITIES = new Set([
  'ALL',
  'SYS_ADMIN',
  'SYS_PTRACE',
  'SYS_MODULE',
  'SYS_RAWIO',
  'SYS_BOOT',
  'NET_ADMIN',
  'DAC_READ_SEARCH',
  'BPF',
  'PERFMON',
  'SYS_TIME',
  'MAC_ADMIN',
  'MAC_OVERRIDE',
]);

/**
 * The check of a capability rule: reports each added capability `reported` selects, once per capability,
 * with `consequence` ending the message (`which gives control of the node`).
 */
export function addedCapabilityCheck(
  reported: (capability: string) => boolean,
  consequence: string,
): RuleDefinition['check'] {
  return ({ model, report }) => {
    for (const item of containersOf(model)) {
      for (const capability of item.container.securityContext.capabilitiesAdd) {
        const name = capability.value ?? '';
        if (!reported(name)) continue;
        report({
          resource: item.container,
          attr: capability,
          key: name,
          message: `${describeContainer(item)} adds the capability ${name}, ${consequence}.`,
        });
      }
    }
  };
}
