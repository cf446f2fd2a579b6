/**
 * Maps the resource types of cloud inventories onto the neutral kinds of `scanners/kinds/`, so a deployed
 * resource and the IaC that declares it share one kind (the name heuristic and the scores need it).
 *
 * Terraform, CloudFormation (AWS Config uses CloudFormation type names) and ARM types (Azure Resource Graph
 * and Prowler's Azure checks use ARM types, lower-cased) go through the kind definitions themselves. Prowler's
 * AWS types (Security Hub's `AwsS3Bucket` names) and Google Cloud Asset Inventory types (which Prowler's
 * Google checks use too) go through the two tables below onto a CloudFormation or Terraform type first.
 */
import { builtinKinds } from '../kinds/index.js';
import type { IacFamily } from '../model/declared.js';
import type { CloudProvider } from './model.js';

/** Prowler / Security Hub AWS resource types → CloudFormation types, for the common resources. */
const PROWLER_AWS_TYPES: Readonly<Record<string, string>> = {
  AwsS3Bucket: 'AWS::S3::Bucket',
  AwsIamRole: 'AWS::IAM::Role',
  AwsIamUser: 'AWS::IAM::User',
  AwsIamGroup: 'AWS::IAM::Group',
  AwsIamPolicy: 'AWS::IAM::ManagedPolicy',
  AwsEc2Instance: 'AWS::EC2::Instance',
  AwsEc2LaunchTemplate: 'AWS::EC2::LaunchTemplate',
  AwsEc2SecurityGroup: 'AWS::EC2::SecurityGroup',
  AwsEc2Vpc: 'AWS::EC2::VPC',
  AwsEc2Subnet: 'AWS::EC2::Subnet',
  AwsEc2NetworkAcl: 'AWS::EC2::NetworkAcl',
  AwsEc2Volume: 'AWS::EC2::Volume',
  AwsRdsDbInstance: 'AWS::RDS::DBInstance',
  AwsRdsDbCluster: 'AWS::RDS::DBCluster',
  AwsEksCluster: 'AWS::EKS::Cluster',
  AwsEcsCluster: 'AWS::ECS::Cluster',
  AwsEcsService: 'AWS::ECS::Service',
  AwsEcsTaskDefinition: 'AWS::ECS::TaskDefinition',
  AwsEcrRepository: 'AWS::ECR::Repository',
  AwsLambdaFunction: 'AWS::Lambda::Function',
  AwsKmsKey: 'AWS::KMS::Key',
  AwsCloudTrailTrail: 'AWS::CloudTrail::Trail',
  AwsLogsLogGroup: 'AWS::Logs::LogGroup',
  AwsGuardDutyDetector: 'AWS::GuardDuty::Detector',
  AwsElbv2LoadBalancer: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
  AwsElbLoadBalancer: 'AWS::ElasticLoadBalancing::LoadBalancer',
  AwsApiGatewayStage: 'AWS::ApiGateway::Stage',
  AwsApiGatewayV2Stage: 'AWS::ApiGatewayV2::Stage',
  AwsCloudFrontDistribution: 'AWS::CloudFront::Distribution',
  AwsDynamoDbTable: 'AWS::DynamoDB::Table',
  AwsElastiCacheCacheCluster: 'AWS::ElastiCache::CacheCluster',
  AwsElastiCacheReplicationGroup: 'AWS::ElastiCache::ReplicationGroup',
  AwsRedshiftCluster: 'AWS::Redshift::Cluster',
  AwsOpenSearchServiceDomain: 'AWS::OpenSearchService::Domain',
  AwsElasticsearchDomain: 'AWS::Elasticsearch::Domain',
  AwsSnsTopic: 'AWS::SNS::Topic',
  AwsSqsQueue: 'AWS::SQS::Queue',
  AwsKinesisStream: 'AWS::Kinesis::Stream',
  AwsMskCluster: 'AWS::MSK::Cluster',
  AwsEfsFileSystem: 'AWS::EFS::FileSystem',
  AwsEfsAccessPoint: 'AWS::EFS::AccessPoint',
  AwsSecretsManagerSecret: 'AWS::SecretsManager::Secret',
  AwsSageMakerNotebookInstance: 'AWS::SageMaker::NotebookInstance',
  AwsAthenaWorkGroup: 'AWS::Athena::WorkGroup',
};

/**
 * Google Cloud Asset Inventory types → Terraform types, for the common resources. The same table gives the
 * service host of a Terraform Google resource, to spell its uid as the asset's full resource name.
 */
const GCP_ASSET_TYPES: Readonly<Record<string, string>> = {
  'storage.googleapis.com/Bucket': 'google_storage_bucket',
  'compute.googleapis.com/Instance': 'google_compute_instance',
  'compute.googleapis.com/InstanceTemplate': 'google_compute_instance_template',
  'compute.googleapis.com/Firewall': 'google_compute_firewall',
  'compute.googleapis.com/Network': 'google_compute_network',
  'compute.googleapis.com/Subnetwork': 'google_compute_subnetwork',
  'compute.googleapis.com/SslPolicy': 'google_compute_ssl_policy',
  'container.googleapis.com/Cluster': 'google_container_cluster',
  'container.googleapis.com/NodePool': 'google_container_node_pool',
  'sqladmin.googleapis.com/Instance': 'google_sql_database_instance',
  'cloudkms.googleapis.com/CryptoKey': 'google_kms_crypto_key',
  'bigquery.googleapis.com/Dataset': 'google_bigquery_dataset',
  'pubsub.googleapis.com/Topic': 'google_pubsub_topic',
  'dns.googleapis.com/ManagedZone': 'google_dns_managed_zone',
  'cloudfunctions.googleapis.com/CloudFunction': 'google_cloudfunctions_function',
  'cloudfunctions.googleapis.com/Function': 'google_cloudfunctions2_function',
  'run.googleapis.com/Service': 'google_cloud_run_v2_service',
  'cloudresourcemanager.googleapis.com/Project': 'google_project',
  'iam.googleapis.com/ServiceAccount': 'google_service_account',
  'iam.googleapis.com/ServiceAccountKey': 'google_service_account_key',
};

const TERRAFORM_GOOGLE_HOSTS = new Map(
  Object.entries(GCP_ASSET_TYPES).map(([assetType, terraformType]) => [
    terraformType,
    assetType.split('/')[0],
  ]),
);

/** The neutral kind of a Terraform, CloudFormation or ARM (any case) type. */
export function kindOfIacType(family: IacFamily, type: string): string | undefined {
  return builtinKinds().kindOfType(family, type);
}

export function kindOfGcpAssetType(assetType: string): string | undefined {
  const terraformType = GCP_ASSET_TYPES[assetType];
  return terraformType ? kindOfIacType('terraform', terraformType) : undefined;
}

/** The kind of a Prowler resource type: Security Hub names on AWS, ARM types on Azure, asset types on Google. */
export function kindOfProwlerType(provider: CloudProvider, type: string): string | undefined {
  if (provider === 'aws') {
    const cloudFormationType = PROWLER_AWS_TYPES[type];
    return cloudFormationType
      ? kindOfIacType('cloudformation', cloudFormationType)
      : type.startsWith('AWS::')
        ? kindOfIacType('cloudformation', type)
        : undefined;
  }
  if (provider === 'azure') return kindOfIacType('arm', type);
  return kindOfGcpAssetType(type);
}

/** The service host of a Terraform Google type (`storage.googleapis.com`), when the table knows it. */
export function googleServiceHost(terraformType: string): string | undefined {
  return TERRAFORM_GOOGLE_HOSTS.get(terraformType);
}
