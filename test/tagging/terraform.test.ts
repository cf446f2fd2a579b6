import { beforeAll, describe, expect, it } from 'vitest';
import { applyEdits } from '../../scanners/tagging/edits.js';
import { planTerraformTags } from '../../scanners/tagging/terraform.js';
import { initTerraformParser, parseHcl } from '../../scanners/terraform/parser.js';
import { sequentialIds } from './ids.js';

beforeAll(() => initTerraformParser());

function tag(text: string): { text: string; plan: ReturnType<typeof planTerraformTags> } {
  const plan = planTerraformTags('main.tf', text, sequentialIds());
  return { text: applyEdits(text, plan.edits), plan };
}

describe('palisade tag: Terraform', () => {
  it('adds the tag inside literal maps, merge() calls and wrapped expressions, keeping every other byte', () => {
    const source = `# Payments storage. Owned by team-payments.
locals {
  common = { team = "payments" }
}

resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs" # where the load balancer writes
  tags = {
    Name        = "logs"
    Environment = "prod" # keep in sync with the account
  }
}

resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
  tags   = merge(local.common, { Name = "data" })
}

resource "aws_sqs_queue" "jobs" {
\tname = "jobs"
\ttags = local.common
}

resource "aws_iam_role" "app" {
  name               = "app"
  assume_role_policy = <<-EOT
    {"Version": "2012-10-17", "Statement": []}
  EOT
}

resource "aws_vpc" "main" {}

resource "aws_sns_topic" "alerts" { name = "alerts" }

resource "aws_s3_bucket_versioning" "logs" {
  bucket = aws_s3_bucket.logs.id
}
`;
    const { text, plan } = tag(source);
    expect(text).toBe(`# Payments storage. Owned by team-payments.
locals {
  common = { team = "payments" }
}

resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs" # where the load balancer writes
  tags = {
    Name        = "logs"
    Environment = "prod" # keep in sync with the account
    palisade_trace = "00000000-0000-4000-8000-000000000001"
  }
}

resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
  tags   = merge(local.common, { Name = "data" }, { palisade_trace = "00000000-0000-4000-8000-000000000002" })
}

resource "aws_sqs_queue" "jobs" {
\tname = "jobs"
\ttags = merge(local.common, { palisade_trace = "00000000-0000-4000-8000-000000000003" })
}

resource "aws_iam_role" "app" {
  name               = "app"
  assume_role_policy = <<-EOT
    {"Version": "2012-10-17", "Statement": []}
  EOT
  tags = {
    palisade_trace = "00000000-0000-4000-8000-000000000004"
  }
}

resource "aws_vpc" "main" {
  tags = {
    palisade_trace = "00000000-0000-4000-8000-000000000005"
  }
}

resource "aws_sns_topic" "alerts" {
  name = "alerts"
  tags = {
    palisade_trace = "00000000-0000-4000-8000-000000000006"
  }
}

resource "aws_s3_bucket_versioning" "logs" {
  bucket = aws_s3_bucket.logs.id
}
`);
    // aws_s3_bucket_versioning takes no tags: it is not a taggable resource at all.
    expect(plan.resources.map((r) => `${r.line} ${r.address}`)).toEqual([
      '6 aws_s3_bucket.logs',
      '14 aws_s3_bucket.data',
      '19 aws_sqs_queue.jobs',
      '24 aws_iam_role.app',
      '31 aws_vpc.main',
      '33 aws_sns_topic.alerts',
    ]);
    expect(() => parseHcl('main.tf', text)).not.toThrow();
    expect(tag(text).plan.edits).toEqual([]);
  });

  it('keeps existing trace tags (its own, yor_trace, mapping_tag, quoted keys) and is idempotent', () => {
    const source = `resource "aws_s3_bucket" "a" {
  tags = { palisade_trace = "kept" }
}
resource "aws_s3_bucket" "b" {
  tags = merge(var.tags, { yor_trace = "c2b0" })
}
resource "aws_s3_bucket" "c" {
  tags = { "mapping_tag" = "m-1" }
}
`;
    const { plan } = tag(source);
    expect(plan.edits).toEqual([]);
    expect(plan.resources.every((r) => r.traced)).toBe(true);
  });

  it('uses labels on Google resources, resource_labels on GKE, and aligns with terraform fmt', () => {
    const source = `resource "google_storage_bucket" "assets" {
  name     = "acme-assets"
  location = "EU"
  labels = {
    team                 = "web"
    cost_center_override = "42"
  }
}

resource "google_container_cluster" "main" {
  name = "main"
}

resource "google_compute_firewall" "ssh" {
  name = "ssh"
}
`;
    const { text } = tag(source);
    expect(text).toContain(
      '    cost_center_override = "42"\n    palisade_trace       = "00000000-0000-4000-8000-000000000001"\n',
    );
    expect(text).toContain(
      '  name = "main"\n  resource_labels = {\n    palisade_trace = "00000000-0000-4000-8000-000000000002"\n  }\n',
    );
    // Firewall rules take no labels.
    expect(text).toContain('resource "google_compute_firewall" "ssh" {\n  name = "ssh"\n}\n');
  });

  it('handles one-line maps with and without a trailing comma, empty maps, and CRLF files', () => {
    const source =
      'resource "aws_s3_bucket" "a" {\r\n  tags = { a = "1", }\r\n}\r\n' +
      'resource "aws_s3_bucket" "b" {\r\n  tags = {}\r\n}\r\n' +
      'resource "aws_s3_bucket" "c" {\r\n  bucket = "c"\r\n}\r\n';
    const { text } = tag(source);
    expect(text).toBe(
      'resource "aws_s3_bucket" "a" {\r\n  tags = { a = "1", palisade_trace = "00000000-0000-4000-8000-000000000001" }\r\n}\r\n' +
        'resource "aws_s3_bucket" "b" {\r\n  tags = { palisade_trace = "00000000-0000-4000-8000-000000000002" }\r\n}\r\n' +
        'resource "aws_s3_bucket" "c" {\r\n  bucket = "c"\r\n  tags = {\r\n    palisade_trace = "00000000-0000-4000-8000-000000000003"\r\n  }\r\n}\r\n',
    );
    expect(() => parseHcl('main.tf', text)).not.toThrow();
  });
});
