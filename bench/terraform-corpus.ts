import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A generated repository shaped like real infrastructure code: root folders per service and environment that
 * call shared local modules, with variables, terraform.tfvars, locals, count, for_each, dynamic blocks and
 * resources across the aws, azurerm and google providers, plus about 10% CloudFormation and Kubernetes files.
 */

const MODULES = ['bucket', 'network', 'database', 'storage-account', 'gcs', 'service-account'] as const;

function write(root: string, relative: string, text: string): void {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function moduleFiles(name: (typeof MODULES)[number]): Record<string, string> {
  const variables = `variable "name" {
  type        = string
  description = "Name prefix for every resource of the module."
}

variable "environment" {
  type    = string
  default = "dev"
}

variable "tags" {
  type    = map(string)
  default = {}
}

variable "versioned" {
  type    = bool
  default = true
}
`;
  const locals = `locals {
  full_name = lower("\${var.name}-\${var.environment}")
  tags      = merge(var.tags, { Module = "${name}", Environment = var.environment })
}
`;
  const bodies: Record<(typeof MODULES)[number], string> = {
    bucket: `resource "aws_s3_bucket" "this" {
  bucket = local.full_name
  tags   = local.tags
}

resource "aws_s3_bucket_versioning" "this" {
  count  = var.versioned ? 1 : 0
  bucket = aws_s3_bucket.this.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_public_access_block" "this" {
  bucket                  = aws_s3_bucket.this.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  bucket = aws_s3_bucket.this.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}
`,
    network: `resource "aws_vpc" "this" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_hostnames = true
  tags                 = merge(local.tags, { Name = local.full_name })
}

resource "aws_subnet" "private" {
  count             = 3
  vpc_id            = aws_vpc.this.id
  cidr_block        = cidrsubnet(aws_vpc.this.cidr_block, 8, count.index)
  availability_zone = element(["eu-west-1a", "eu-west-1b", "eu-west-1c"], count.index)
}

resource "aws_security_group" "web" {
  name   = "\${local.full_name}-web"
  vpc_id = aws_vpc.this.id

  dynamic "ingress" {
    for_each = { http = 80, https = 443 }
    content {
      description = ingress.key
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["10.0.0.0/8"]
    }
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`,
    database: `resource "aws_db_instance" "this" {
  identifier              = local.full_name
  engine                  = "postgres"
  engine_version          = "16.3"
  instance_class          = var.environment == "prod" ? "db.r6g.large" : "db.t4g.micro"
  allocated_storage       = 20
  storage_encrypted       = true
  backup_retention_period = var.environment == "prod" ? 14 : 1
  deletion_protection     = var.environment == "prod"
  publicly_accessible     = false
  username                = "app"
  manage_master_user_password = true
  tags                    = local.tags
}
`,
    'storage-account': `resource "azurerm_resource_group" "this" {
  name     = "rg-\${local.full_name}"
  location = "westeurope"
}

resource "azurerm_storage_account" "this" {
  name                            = substr(replace(local.full_name, "-", ""), 0, 24)
  resource_group_name             = azurerm_resource_group.this.name
  location                        = azurerm_resource_group.this.location
  account_tier                    = "Standard"
  account_replication_type        = "GRS"
  min_tls_version                 = "TLS1_2"
  allow_nested_items_to_be_public = false
  tags                            = local.tags
}

resource "azurerm_key_vault" "this" {
  name                       = "kv-\${substr(local.full_name, 0, 20)}"
  location                   = azurerm_resource_group.this.location
  resource_group_name        = azurerm_resource_group.this.name
  tenant_id                  = data.azurerm_client_config.current.tenant_id
  sku_name                   = "standard"
  purge_protection_enabled   = true
  soft_delete_retention_days = 30
}

data "azurerm_client_config" "current" {}
`,
    gcs: `resource "google_storage_bucket" "this" {
  name                        = local.full_name
  location                    = "EU"
  uniform_bucket_level_access = true
  labels                      = { environment = var.environment }

  versioning {
    enabled = var.versioned
  }
}

resource "google_compute_firewall" "ssh" {
  name    = "\${local.full_name}-ssh"
  network = "default"
  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
  source_ranges = ["35.235.240.0/20"]
}
`,
    'service-account': `resource "google_service_account" "this" {
  account_id   = substr(local.full_name, 0, 28)
  display_name = "Service account for \${var.name}"
}

resource "google_project_iam_member" "this" {
  for_each = toset(["roles/logging.logWriter", "roles/monitoring.metricWriter"])
  project  = "acme-\${var.environment}"
  role     = each.value
  member   = "serviceAccount:\${google_service_account.this.email}"
}
`,
  };
  return {
    'variables.tf': variables,
    'main.tf': `${locals}\n${bodies[name]}`,
    'outputs.tf': `output "name" {\n  value = local.full_name\n}\n`,
  };
}

function awsResources(i: number): string {
  return `resource "aws_s3_bucket" "assets_${i}" {
  bucket = "\${local.prefix}-assets-${i}"
  tags   = local.common_tags
}

resource "aws_s3_bucket_versioning" "assets_${i}" {
  bucket = aws_s3_bucket.assets_${i}.id
  versioning_configuration {
    status = var.environment == "prod" ? "Enabled" : "Suspended"
  }
}

resource "aws_iam_role" "worker_${i}" {
  name = "\${local.prefix}-worker-${i}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "ec2.amazonaws.com" }
    }]
  })
}

resource "aws_instance" "worker_${i}" {
  count         = var.worker_count
  ami           = data.aws_ami.base.id
  instance_type = lookup(local.sizes, var.environment, "t3.micro")
  subnet_id     = element(var.subnet_ids, count.index)
  metadata_options {
    http_tokens = "required"
  }
  root_block_device {
    encrypted   = true
    volume_size = 20
  }
  tags = merge(local.common_tags, { Name = "worker-${i}-\${count.index}" })
}
`;
}

function azureResources(i: number): string {
  return `resource "azurerm_network_security_group" "app_${i}" {
  name                = "nsg-\${local.prefix}-${i}"
  location            = var.location
  resource_group_name = var.resource_group

  dynamic "security_rule" {
    for_each = var.open_ports
    content {
      name                       = "allow-\${security_rule.value}"
      priority                   = 100 + security_rule.key
      direction                  = "Inbound"
      access                     = "Allow"
      protocol                   = "Tcp"
      source_port_range          = "*"
      destination_port_range     = tostring(security_rule.value)
      source_address_prefix      = "VirtualNetwork"
      destination_address_prefix = "*"
    }
  }
}

resource "azurerm_linux_web_app" "app_${i}" {
  name                = "app-\${local.prefix}-${i}"
  location            = var.location
  resource_group_name = var.resource_group
  service_plan_id     = var.service_plan_id
  https_only          = true
  site_config {
    minimum_tls_version = "1.2"
    ftps_state          = "Disabled"
  }
}
`;
}

function googleResources(i: number): string {
  return `resource "google_sql_database_instance" "db_${i}" {
  name             = "\${local.prefix}-db-${i}"
  database_version = "POSTGRES_16"
  region           = "europe-west1"
  settings {
    tier = var.environment == "prod" ? "db-custom-2-7680" : "db-f1-micro"
    ip_configuration {
      ipv4_enabled = false
      ssl_mode     = "ENCRYPTED_ONLY"
    }
    backup_configuration {
      enabled = true
    }
  }
  deletion_protection = true
}

resource "google_container_node_pool" "pool_${i}" {
  name       = "pool-${i}"
  cluster    = var.cluster_id
  node_count = var.worker_count
  node_config {
    machine_type = "e2-standard-4"
    workload_metadata_config {
      mode = "GKE_METADATA"
    }
    shielded_instance_config {
      enable_secure_boot = true
    }
  }
}
`;
}

function serviceFiles(service: number, environment: string): Record<string, string> {
  const files: Record<string, string> = {
    'variables.tf': `variable "environment" {
  type = string
}

variable "worker_count" {
  type    = number
  default = 2
}

variable "subnet_ids" {
  type    = list(string)
  default = ["subnet-a", "subnet-b"]
}

variable "location" {
  default = "westeurope"
}

variable "resource_group" {
  default = "rg-shared"
}

variable "service_plan_id" {}

variable "cluster_id" {}

variable "open_ports" {
  type    = list(number)
  default = [443, 8443]
}
`,
    'terraform.tfvars': `environment  = "${environment}"\nworker_count = ${1 + (service % 3)}\n`,
    'main.tf': `terraform {
  required_providers {
    aws     = { source = "hashicorp/aws", version = "~> 5.0" }
    azurerm = { source = "hashicorp/azurerm", version = "~> 4.0" }
    google  = { source = "hashicorp/google", version = "~> 6.0" }
  }
}

locals {
  prefix      = "svc${service}-\${var.environment}"
  common_tags = { Service = "svc${service}", Environment = var.environment, Owner = "team-${service % 9}" }
  sizes       = { prod = "m6i.large", staging = "t3.medium" }
}

data "aws_ami" "base" {
  most_recent = true
  owners      = ["amazon"]
}

module "logs" {
  source      = "../../modules/${MODULES[service % 2 === 0 ? 0 : 4]}"
  name        = "\${local.prefix}-logs"
  environment = var.environment
  tags        = local.common_tags
}

module "data" {
  source      = "../../modules/${MODULES[service % MODULES.length]}"
  name        = "\${local.prefix}-data"
  environment = var.environment
  versioned   = var.environment == "prod"
}
`,
    'outputs.tf': `output "logs_name" {\n  value = module.logs.name\n}\n`,
  };
  for (let r = 0; r < 6; r++) {
    const i = service * 10 + r;
    const provider = r % 3;
    const name = ['aws', 'azure', 'google'][provider] as string;
    files[`${name}-${r}.tf`] =
      provider === 0 ? awsResources(i) : provider === 1 ? azureResources(i) : googleResources(i);
  }
  return files;
}

function cloudFormationStack(i: number): string {
  return `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub 'stack-${i}-\${AWS::AccountId}'
      VersioningConfiguration:
        Status: ${i % 3 === 0 ? 'Suspended' : 'Enabled'}
`;
}

function kubernetesDeployment(i: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
spec:
  selector:
    matchLabels: { app: app-${i} }
  template:
    metadata:
      labels: { app: app-${i} }
    spec:
      containers:
        - name: app
          image: registry.example.com/app-${i}:1.0.${i % 10}
          securityContext:
            runAsNonRoot: true
            allowPrivilegeEscalation: ${i % 4 === 0}
`;
}

/** Writes a repository with `terraformFiles` Terraform files (.tf and .tfvars) and ~10% other IaC files. */
export function generateTerraformRepository(root: string, terraformFiles: number): void {
  let written = 0;
  for (const name of MODULES) {
    for (const [file, text] of Object.entries(moduleFiles(name))) {
      write(root, `modules/${name}/${file}`, text);
      written++;
    }
  }
  const environments = ['dev', 'staging', 'prod'];
  for (let service = 0; written < terraformFiles; service++) {
    const environment = environments[service % environments.length] as string;
    for (const [file, text] of Object.entries(serviceFiles(service, environment))) {
      if (written >= terraformFiles) break;
      write(root, `services/svc-${service}/${environment}/${file}`, text);
      written++;
    }
  }
  const others = Math.round(terraformFiles / 9);
  for (let i = 0; i < others; i++) {
    if (i % 2 === 0) write(root, `cloudformation/stack-${i}.yaml`, cloudFormationStack(i));
    else write(root, `k8s/app-${i}.yaml`, kubernetesDeployment(i));
  }
}
