/**
 * Code to cloud: the analysis worker (started when the app is ready, finished before it closes) and the
 * settings the routes read (code hosts for links to source, SLA days for overdue lists).
 */
import fp from 'fastify-plugin';
import type { CodeHosts } from '../domain/code-url.js';
import { DEFAULT_SLA_DAYS, type SlaDays } from '../domain/governance.js';
import { AnalysisRunner, type AnalysisRunnerOptions } from '../jobs/analysis-runner.js';

declare module 'fastify' {
  interface FastifyInstance {
    analysisRunner: AnalysisRunner;
    codeToCloud: { codeHosts: CodeHosts; slaDays: SlaDays };
  }
}

export interface CodeToCloudOptions {
  /** Self-hosted GitHub, GitLab or Azure DevOps base URLs (PALISADE_CODE_HOSTS). */
  codeHosts?: CodeHosts;
  /** Days to fix by severity (PALISADE_SLA_DAYS). */
  slaDays?: SlaDays;
  /** False: run no analysis worker in this process (another replica does). */
  worker?: boolean;
  analysis?: AnalysisRunnerOptions;
}

export default fp<CodeToCloudOptions>(
  async (app, options) => {
    const runner = new AnalysisRunner(app.storage, app.log, options.analysis ?? {});
    app.decorate('analysisRunner', runner);
    app.decorate('codeToCloud', {
      codeHosts: options.codeHosts ?? {},
      slaDays: options.slaDays ?? { ...DEFAULT_SLA_DAYS },
    });
    if (options.worker !== false) app.addHook('onReady', async () => runner.start());
    app.addHook('preClose', async () => runner.stop());
  },
  { name: 'palisade-code-to-cloud', dependencies: ['palisade-storage'] },
);
