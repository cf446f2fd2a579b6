/**
 * Which resource types take tags, and where. A documented allow-list: tagging a type that has no `tags`
 * argument would break `terraform plan` or a stack update, so a type not listed is never tagged (it is
 * still recorded in the scan's inventory with whatever tags it declares). The lists cover every type the
 * kind definitions (scanners/kinds/) map that supports tags, plus common untyped resources.
 */

/** AWS provider resources with a `tags` map argument. (`aws_autoscaling_group` takes `tag` blocks: not listed.) */
const AWS_TAGGABLE = `
aws_acm_certificate aws_alb aws_alb_listener aws_alb_target_group aws_ami aws_api_gateway_api_key
aws_api_gateway_domain_name aws_api_gateway_rest_api aws_api_gateway_stage aws_apigatewayv2_api
aws_apigatewayv2_stage aws_athena_workgroup aws_backup_plan aws_backup_vault aws_batch_compute_environment
aws_cloudfront_distribution aws_cloudtrail aws_cloudwatch_event_rule aws_cloudwatch_log_group
aws_cloudwatch_metric_alarm aws_codebuild_project aws_cognito_user_pool aws_customer_gateway
aws_dax_cluster aws_db_cluster_snapshot aws_db_instance aws_db_parameter_group aws_db_snapshot
aws_db_subnet_group aws_default_network_acl aws_default_security_group aws_default_vpc aws_docdb_cluster
aws_dynamodb_table aws_ebs_snapshot aws_ebs_snapshot_copy aws_ebs_volume aws_ec2_transit_gateway
aws_ecr_repository aws_ecs_cluster aws_ecs_service aws_ecs_task_definition aws_efs_access_point
aws_efs_file_system aws_eip aws_eks_cluster aws_eks_node_group aws_elasticache_cluster
aws_elasticache_replication_group aws_elasticache_subnet_group aws_elasticsearch_domain aws_elb
aws_emr_cluster aws_glue_job aws_guardduty_detector aws_iam_instance_profile aws_iam_openid_connect_provider
aws_iam_policy aws_iam_role aws_iam_user aws_instance aws_internet_gateway aws_key_pair
aws_kinesis_firehose_delivery_stream aws_kinesis_stream aws_kms_key aws_lambda_function aws_launch_template
aws_lb aws_lb_listener aws_lb_target_group aws_mq_broker aws_msk_cluster aws_nat_gateway aws_neptune_cluster
aws_network_acl aws_network_interface aws_opensearch_domain aws_rds_cluster aws_rds_cluster_instance
aws_redshift_cluster aws_redshift_parameter_group aws_route53_zone aws_route_table aws_s3_bucket
aws_sagemaker_endpoint_configuration aws_sagemaker_notebook_instance aws_secretsmanager_secret
aws_security_group aws_sfn_state_machine aws_sns_topic aws_sqs_queue aws_ssm_parameter aws_subnet
aws_transfer_server aws_vpc aws_vpc_endpoint aws_vpn_gateway aws_wafv2_web_acl`;

/** AzureRM resources with a `tags` map argument (tracked resources; sub-resources such as rules have none). */
const AZURE_TAGGABLE = `
azurerm_app_service azurerm_app_service_plan azurerm_app_service_slot azurerm_application_gateway
azurerm_application_insights azurerm_container_registry azurerm_cosmosdb_account azurerm_data_factory
azurerm_dns_zone azurerm_eventhub_namespace azurerm_firewall azurerm_function_app azurerm_key_vault
azurerm_key_vault_key azurerm_key_vault_secret azurerm_kubernetes_cluster azurerm_lb
azurerm_linux_function_app azurerm_linux_function_app_slot azurerm_linux_virtual_machine
azurerm_linux_virtual_machine_scale_set azurerm_linux_web_app azurerm_linux_web_app_slot
azurerm_log_analytics_workspace azurerm_managed_disk azurerm_mssql_database azurerm_mssql_managed_instance
azurerm_mssql_server azurerm_mysql_flexible_server azurerm_mysql_server azurerm_network_interface
azurerm_network_security_group azurerm_network_watcher_flow_log azurerm_postgresql_flexible_server
azurerm_postgresql_server azurerm_private_endpoint azurerm_public_ip azurerm_redis_cache
azurerm_resource_group azurerm_service_plan azurerm_servicebus_namespace azurerm_sql_server
azurerm_storage_account azurerm_synapse_workspace azurerm_user_assigned_identity azurerm_virtual_machine
azurerm_virtual_machine_extension azurerm_virtual_network azurerm_windows_function_app
azurerm_windows_function_app_slot azurerm_windows_virtual_machine azurerm_windows_virtual_machine_scale_set
azurerm_windows_web_app azurerm_windows_web_app_slot`;

/** Google provider resources with a `labels` map argument. */
const GOOGLE_LABELLED = `
google_artifact_registry_repository google_bigquery_dataset google_bigquery_table google_cloud_run_v2_service
google_cloudfunctions2_function google_cloudfunctions_function google_compute_address google_compute_disk
google_compute_forwarding_rule google_compute_instance google_compute_instance_template
google_compute_region_instance_template google_dns_managed_zone google_kms_crypto_key google_project
google_pubsub_subscription google_pubsub_topic google_redis_instance google_secret_manager_secret
google_spanner_instance google_storage_bucket`;

const words = (list: string) => new Set(list.split(/\s+/).filter(Boolean));

const TERRAFORM_TAG_ATTRIBUTE = new Map<string, string>([
  ...[...words(AWS_TAGGABLE), ...words(AZURE_TAGGABLE)].map((type) => [type, 'tags'] as const),
  ...[...words(GOOGLE_LABELLED)].map((type) => [type, 'labels'] as const),
  // GKE clusters label their resources with `resource_labels`; `labels` does not exist there.
  ['google_container_cluster', 'resource_labels'],
]);

/** The map argument that holds a Terraform resource type's tags, or undefined when it is not taggable. */
export function terraformTagAttribute(type: string): string | undefined {
  return TERRAFORM_TAG_ATTRIBUTE.get(type);
}

/** CloudFormation types whose `Tags` is a list of `{Key, Value}`. */
const CLOUDFORMATION_TAG_LIST = `
AWS::ApiGateway::DomainName AWS::ApiGateway::RestApi AWS::ApiGateway::Stage AWS::Athena::WorkGroup
AWS::CertificateManager::Certificate AWS::CloudFront::Distribution AWS::CloudTrail::Trail
AWS::CodeBuild::Project AWS::DynamoDB::Table AWS::EC2::EIP AWS::EC2::Instance AWS::EC2::InternetGateway
AWS::EC2::NatGateway AWS::EC2::NetworkAcl AWS::EC2::RouteTable AWS::EC2::SecurityGroup AWS::EC2::Subnet
AWS::EC2::VPC AWS::EC2::Volume AWS::ECR::Repository AWS::ECS::Cluster AWS::ECS::Service
AWS::ECS::TaskDefinition AWS::EKS::Cluster AWS::ElastiCache::CacheCluster AWS::ElastiCache::ReplicationGroup
AWS::ElasticLoadBalancing::LoadBalancer AWS::ElasticLoadBalancingV2::LoadBalancer
AWS::ElasticLoadBalancingV2::TargetGroup AWS::Elasticsearch::Domain AWS::GuardDuty::Detector AWS::IAM::Role
AWS::IAM::User AWS::KMS::Key AWS::Kinesis::Stream AWS::KinesisFirehose::DeliveryStream AWS::Lambda::Function
AWS::Logs::LogGroup AWS::OpenSearchService::Domain AWS::RDS::DBCluster AWS::RDS::DBInstance
AWS::Redshift::Cluster AWS::Redshift::ClusterParameterGroup AWS::S3::Bucket AWS::SNS::Topic AWS::SQS::Queue
AWS::SageMaker::EndpointConfig AWS::SageMaker::NotebookInstance AWS::SecretsManager::Secret
AWS::StepFunctions::StateMachine`;

/** CloudFormation and SAM types whose `Tags` is a string map. */
const CLOUDFORMATION_TAG_MAP = `
AWS::ApiGatewayV2::Api AWS::ApiGatewayV2::Stage AWS::DAX::Cluster AWS::EKS::Nodegroup AWS::MSK::Cluster
AWS::SSM::Parameter AWS::Serverless::Api AWS::Serverless::Function AWS::Serverless::HttpApi
AWS::Serverless::SimpleTable AWS::Serverless::StateMachine`;

const CLOUDFORMATION_STYLE = new Map<string, 'list' | 'map'>([
  ...[...words(CLOUDFORMATION_TAG_LIST)].map((type) => [type, 'list'] as const),
  ...[...words(CLOUDFORMATION_TAG_MAP)].map((type) => [type, 'map'] as const),
]);

/** How a CloudFormation type's `Tags` property is written, or undefined when it is not taggable. */
export function cloudFormationTagStyle(type: string): 'list' | 'map' | undefined {
  return CLOUDFORMATION_STYLE.get(type);
}

/**
 * ARM: tracked resources (those with a `location`) take a `tags` object; proxy resources (firewall rules,
 * configurations) do not. Deployments are containers of other resources, tagged through their template.
 */
export function armTaggable(type: string, hasLocation: boolean): boolean {
  return hasLocation && type.toLowerCase() !== 'microsoft.resources/deployments';
}
