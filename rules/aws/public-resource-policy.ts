/** Shared by the SNS topic and SQS queue rules, whose resource policies read and fail the same way. */
import { allowsAnyoneUnconditionally, policyStatements } from '../../scanners/kinds/aws/policy.js';
import { field, isKnown, type RuleDefinition, resources } from '../../scanners/rules/api.js';

/**
 * The check of a "policy allows anyone without a condition" rule over the `collection`'s `policy` field;
 * `noun` names the resource in messages (`SNS topic`).
 */
export function publicPolicyCheck(collection: string, noun: string): RuleDefinition['check'] {
  return ({ model, report }) => {
    for (const entity of resources(model, collection)) {
      const policy = field<unknown>(entity, 'policy');
      if (!isKnown(policy)) continue;
      const statements = policyStatements(policy.value);
      if (!statements?.some((statement) => allowsAnyoneUnconditionally(statement) === true)) continue;
      report({
        resource: entity,
        attr: policy,
        message: `${noun} ${entity.address} has a policy that allows anyone without a condition.`,
      });
    }
  };
}
