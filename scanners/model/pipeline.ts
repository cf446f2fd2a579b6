/** CI/CD pipeline definitions of a unit (GitHub Actions, GitLab CI, Azure Pipelines). */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by the pipeline adapters
export interface PipelineModel {}
