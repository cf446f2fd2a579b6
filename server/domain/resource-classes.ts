/**
 * What a resource is, for the code-to-cloud analysis: a coarse class that decides traits (a data store holds
 * sensitive data, a public IP is internet-exposed) and the direction an attacker moves along a reference,
 * and a short noun for explanations. One table covers neutral kinds (`aws.s3.bucket`), Terraform types
 * (`aws_s3_bucket`), CloudFormation and AWS Config types (`AWS::S3::Bucket`), Prowler OCSF types
 * (`AwsS3Bucket`), Azure types (`Microsoft.Storage/storageAccounts`) and Cloud Asset types
 * (`storage.googleapis.com/Bucket`): each is lower-cased and stripped of separators before matching.
 */

export type ResourceClass =
  /** Takes traffic from the internet by what it is: public IP addresses, load balancers, API gateways. */
  | 'network-entry'
  /** Filters traffic to other resources: security groups, NSGs, firewall rules, network ACLs. */
  | 'network-control'
  | 'network-interface'
  /** Runs code: instances, VMs, functions, containers. */
  | 'compute'
  /** An identity that code runs as: roles, instance profiles, service accounts, managed identities. */
  | 'identity'
  /** Grants permissions: policies, attachments, role assignments, key vault access policies. */
  | 'policy'
  /** Holds data: buckets, databases, key vaults, secrets, storage accounts. */
  | 'data-store'
  | 'other';

interface ClassRule {
  pattern: RegExp;
  resourceClass: ResourceClass;
  noun: string;
}

/** First match wins, so the specific suffixes (`bucketpolicy`) come before the general ones (`bucket`). */
const CLASS_RULES: readonly ClassRule[] = [
  // Policies and grants: before the resources whose names they end with.
  {
    pattern: /(policy|policies|policyattachment|policyattachments|policydocument)$/,
    resourceClass: 'policy',
    noun: 'policy',
  },
  {
    pattern: /(roleassignment|roleassignments|iammember|iambinding|iamgrant|grant)$/,
    resourceClass: 'policy',
    noun: 'role assignment',
  },
  {
    pattern:
      /(securitygroup|securitygroups|securitygrouprule|securitygroupingressrule|securitygroupassociation|networksecuritygroup|networksecuritygroups|securityrule|securityrules|firewall|firewalls|firewallrule|firewallrules|networkacl|networkacls|networkaclrule)$/,
    resourceClass: 'network-control',
    noun: 'security group',
  },
  {
    pattern: /(publicip|publicipaddress|publicipaddresses|eip|elasticip|globaladdress)$/,
    resourceClass: 'network-entry',
    noun: 'public IP',
  },
  {
    pattern:
      /(loadbalancer|loadbalancers|classicloadbalancer|awslb|awsalb|awselb|applicationgateway|applicationgateways|forwardingrule|globalforwardingrule)$/,
    resourceClass: 'network-entry',
    noun: 'load balancer',
  },
  {
    pattern:
      /(apigatewayrestapi|apigatewayv2api|apigatewaystage|apigatewaystages|apimanagement|functionurl|functionurls)$/,
    resourceClass: 'network-entry',
    noun: 'API endpoint',
  },
  {
    pattern: /(networkinterface|networkinterfaces|networkinterfaceattachment)$/,
    resourceClass: 'network-interface',
    noun: 'network interface',
  },
  { pattern: /(iaminstanceprofile|instanceprofile)$/, resourceClass: 'identity', noun: 'instance profile' },
  { pattern: /(iamrole|iamroles|role)$/, resourceClass: 'identity', noun: 'role' },
  { pattern: /(iamuser|iamusers)$/, resourceClass: 'identity', noun: 'user' },
  { pattern: /(serviceaccount|serviceaccounts)$/, resourceClass: 'identity', noun: 'service account' },
  {
    pattern: /(userassignedidentity|userassignedidentities)$/,
    resourceClass: 'identity',
    noun: 'managed identity',
  },
  { pattern: /bucket$/, resourceClass: 'data-store', noun: 'bucket' },
  { pattern: /(storageaccount|storageaccounts)$/, resourceClass: 'data-store', noun: 'storage account' },
  {
    pattern: /(keyvault|keyvaultvault|keyvaultvaults|managedhsm|managedhsms)$/,
    resourceClass: 'data-store',
    noun: 'key vault',
  },
  {
    pattern: /(secretsmanagersecret|secretmanagersecret|keyvaultsecret|keyvaultsecrets|secret|secrets)$/,
    resourceClass: 'data-store',
    noun: 'secret',
  },
  {
    pattern:
      /(dbinstance|dbcluster|rdsinstance|rdscluster|sqlinstance|sqldatabaseinstance|sqlserver|sqlservers|sqldatabase|sqldatabases|managedinstance|managedinstances|flexibleserver|flexibleservers|postgresqlserver|mysqlserver|mariadbserver|sqladmingoogleapiscominstance)$/,
    resourceClass: 'data-store',
    noun: 'database',
  },
  {
    pattern:
      /(dynamodbtable|dynamodbtables|cosmosdbaccount|cosmosdbaccounts|databaseaccounts|documentdbcluster|bigtableinstance|spannerinstance|firestoredatabase)$/,
    resourceClass: 'data-store',
    noun: 'database',
  },
  {
    pattern:
      /(redshiftcluster|redshiftclusters|synapseworkspace|synapseworkspaces|bigquerydataset|bigquerydatasets|datasets?)$/,
    resourceClass: 'data-store',
    noun: 'data warehouse',
  },
  {
    pattern: /(efsfilesystem|efsfilesystems|filesystem|fileshare)$/,
    resourceClass: 'data-store',
    noun: 'file system',
  },
  {
    pattern:
      /(elasticachecluster|elasticachereplicationgroup|rediscache|rediscaches|redisinstance|opensearchdomain|opensearchdomains|elasticsearchdomain)$/,
    resourceClass: 'data-store',
    noun: 'data store',
  },
  {
    pattern:
      /(ec2instance|ec2instances|awsinstance|computeinstance|computegoogleapiscominstance|launchtemplate)$/,
    resourceClass: 'compute',
    noun: 'instance',
  },
  {
    pattern: /(virtualmachine|virtualmachines|vmscaleset|virtualmachinescaleset|virtualmachinescalesets)$/,
    resourceClass: 'compute',
    noun: 'VM',
  },
  {
    pattern:
      /(lambdafunction|lambdafunctions|functionapp|linuxfunctionapp|windowsfunctionapp|cloudfunction|cloudfunctions|functionsfunction|functionsfunctions)$/,
    resourceClass: 'compute',
    noun: 'function',
  },
  {
    pattern:
      /(ecsservice|ecsservices|ecstaskdefinition|ecstaskdefinitions|cloudrunservice|runservice|runservices|containergroup|containerapp|appservicesite|appservicesites|linuxwebapp|windowswebapp|sites)$/,
    resourceClass: 'compute',
    noun: 'service',
  },
  {
    pattern:
      /(ekscluster|eksnodegroup|akscluster|kubernetescluster|managedclusters|gkecluster|containercluster|gkenodepool|containernodepool|notebookinstance)$/,
    resourceClass: 'compute',
    noun: 'cluster',
  },
];

export interface ResourceClassification {
  resourceClass: ResourceClass;
  noun: string;
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function nounOf(kindOrType: string): string {
  const last =
    kindOrType
      .split(/[.:/_]+/)
      .filter(Boolean)
      .pop() ?? kindOrType;
  return last.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** The class of a resource from its neutral kind when known, else its provider type. */
export function classifyResource(kind: string | undefined, type: string): ResourceClassification {
  for (const candidate of kind ? [kind, type] : [type]) {
    const normalised = normalise(candidate);
    for (const rule of CLASS_RULES) {
      if (rule.pattern.test(normalised)) return { resourceClass: rule.resourceClass, noun: rule.noun };
    }
  }
  return { resourceClass: 'other', noun: nounOf(kind ?? type) };
}
