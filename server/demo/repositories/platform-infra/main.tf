terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

variable "environment" {
  type    = string
  default = "prod"
}

locals {
  name_prefix = "acme-${var.environment}"
}

module "access_logs" {
  source = "./modules/logs-bucket"
  name   = "${local.name_prefix}-access-logs"
}

resource "aws_s3_bucket" "reports" {
  bucket = "${local.name_prefix}-reports"

  tags = {
    palisade_trace = "df0ab853-cde9-4528-b675-d6c0119cca78"
  }
}

resource "aws_s3_bucket_versioning" "reports" {
  bucket = aws_s3_bucket.reports.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_security_group" "bastion" {
  name        = "${local.name_prefix}-bastion"
  description = "SSH to the bastion host"
  vpc_id      = "vpc-0a1b2c3d4e5f60718"

  ingress {
    description = "SSH from anywhere"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  tags = {
    palisade_trace = "c1661480-c1cb-45fb-a25c-224ee72a497b"
  }
}

resource "aws_db_instance" "orders" {
  identifier          = "${local.name_prefix}-orders"
  engine              = "postgres"
  engine_version      = "16.3"
  instance_class      = "db.t4g.medium"
  allocated_storage   = 50
  username            = "orders"
  manage_master_user_password = true
  publicly_accessible = true
  skip_final_snapshot = true

  tags = {
    palisade_trace = "dfca7176-c99f-4c5a-88b6-891af4bd5ddb"
  }
}

# The bastion host: a public IP in the deployed bastion security group (by its id), and an instance role with
# administrator rights, so whoever takes the host can reach every data store of the account.
resource "aws_instance" "bastion" {
  ami                         = "ami-0c1bc246476a5572b"
  instance_type               = "t3.micro"
  subnet_id                   = "subnet-0f1e2d3c4b5a69788"
  associate_public_ip_address = true
  vpc_security_group_ids      = ["sg-0b7c5d9e1f2a3b4c5"]
  iam_instance_profile        = aws_iam_instance_profile.bastion.name

  tags = {
    Name = "${local.name_prefix}-bastion"
  }
}

resource "aws_iam_role" "bastion" {
  name = "${local.name_prefix}-bastion-role"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "ec2.amazonaws.com" }
    }]
  })
}

resource "aws_iam_instance_profile" "bastion" {
  name = "${local.name_prefix}-bastion"
  role = aws_iam_role.bastion.name
}

resource "aws_iam_role_policy_attachment" "bastion_admin" {
  role       = aws_iam_role.bastion.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}
