/** Pipeline adapters: GitHub Actions workflows and actions, GitLab CI files, Azure pipelines and templates. */
export { adaptAzure } from './azure.js';
export { adaptGithub } from './github.js';
export { adaptGitlab } from './gitlab.js';
