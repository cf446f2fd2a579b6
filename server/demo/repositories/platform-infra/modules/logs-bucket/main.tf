variable "name" {
  type = string
}

resource "aws_s3_bucket" "this" {
  bucket = var.name

  tags = {
    palisade_trace = "70427cdb-d596-46a2-a1f9-743de49fae7d"
  }
}

resource "aws_s3_bucket_public_access_block" "this" {
  bucket                  = aws_s3_bucket.this.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
