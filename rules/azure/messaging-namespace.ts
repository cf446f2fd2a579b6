/** Shared by the Event Hubs and Service Bus rules: both namespaces have the same network settings. */
import { field, isKnownValue, type RuleDefinition, resources } from '../../scanners/rules/api.js';

/**
 * The check of a "namespace accepts connections from any network" rule: public network access on and the
 * network rule set's default action Allow. `service` names the namespace in messages (`Event Hubs`).
 */
export function anyNetworkCheck(collection: string, service: string): RuleDefinition['check'] {
  return ({ model, report }) => {
    for (const namespace of resources(model, collection)) {
      const publicAccess = field<boolean>(namespace, 'publicNetworkAccess');
      const action = field<string>(namespace, 'network.defaultAction');
      if (!isKnownValue(publicAccess, true) || !isKnownValue(action, 'Allow')) continue;
      report({
        resource: namespace,
        attr: action.origin === 'explicit' ? action : publicAccess,
        message: `${service} namespace ${namespace.address} accepts connections from any network.`,
      });
    }
  };
}
