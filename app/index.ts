/**
 * The Palisade GitHub App (a Probot application function). Webhook handlers only check and enqueue; the
 * work (fetch, scan, report) runs from a bounded queue, so GitHub gets its answer at once and a burst of
 * webhooks cannot exhaust memory. A redelivered webhook (same X-GitHub-Delivery) is skipped.
 */
import type { ApplicationFunction, Context, Probot, ProbotOctokit } from 'probot';
import { BlobCache } from './content.js';
import { type FullScanTarget, scanCommit } from './full-scan.js';
import { checkPosture } from './posture.js';
import { type JobContext, type PullRequestTarget, scanPullRequest } from './pull-request.js';
import { type QueuedJob, RecentDeliveries, WorkQueue } from './queue.js';
import type { AppSettings } from './settings.js';

export interface PalisadeApp {
  /** The Probot application function to load (`run(app.appFn)`). */
  appFn: ApplicationFunction;
  /** Resolves when every queued job has finished (tests, graceful shutdown). */
  idle(): Promise<void>;
  /** Stops the posture schedule. */
  stop(): void;
}

const PULL_REQUEST_ACTIONS = [
  'pull_request.opened',
  'pull_request.synchronize',
  'pull_request.reopened',
] as const;
const ZERO_SHA = /^0+$/;

export function createPalisadeApp(settings: AppSettings): PalisadeApp {
  const deliveries = new RecentDeliveries(settings.deliveryMemory);
  const blobs = settings.blobCacheBytes > 0 ? new BlobCache(settings.blobCacheBytes) : undefined;
  let timer: NodeJS.Timeout | undefined;
  let queue: WorkQueue | undefined;

  const appFn: ApplicationFunction = (app: Probot) => {
    const work = new WorkQueue(settings.concurrency, settings.queueLimit, (key, error) =>
      app.log.error({ job: key, err: error }, 'Palisade job failed'),
    );
    queue = work;

    /** Queues work for a delivery once; a job that fails (or finds the queue full) lets a redelivery retry. */
    const submit = (context: Context, jobs: QueuedJob[]) => {
      if (!deliveries.first(context.id)) {
        context.log.info({ delivery: context.id }, 'redelivered webhook: already handled, skipped');
        return;
      }
      for (const job of jobs) {
        const outcome = work.enqueue({
          key: job.key,
          run: () =>
            job.run().catch((error: unknown) => {
              deliveries.forget(context.id);
              throw error;
            }),
        });
        if (outcome === 'full') {
          deliveries.forget(context.id);
          context.log.error(
            { job: job.key, ...work.size },
            'queue full: job refused; redeliver the webhook later',
          );
        } else if (outcome === 'duplicate') context.log.info({ job: job.key }, 'same job already queued');
      }
    };
    const jobContext = (context: { octokit: ProbotOctokit; log: Context['log'] }): JobContext => ({
      octokit: context.octokit,
      log: context.log,
      settings,
      blobs,
    });

    app.on([...PULL_REQUEST_ACTIONS], async (context) => {
      const { pull_request: pr, repository } = context.payload;
      const target: PullRequestTarget = {
        repository: { owner: repository.owner.login, repo: repository.name },
        defaultBranch: repository.default_branch,
        number: pr.number,
        headSha: pr.head.sha,
        baseSha: pr.base.sha,
        changedFiles: pr.changed_files,
        htmlUrl: repository.html_url,
      };
      submit(context, [pullRequestJob(jobContext(context), target)]);
    });

    // "Re-run" on the check run: scan the pull request again at its current head.
    app.on('check_run.rerequested', async (context) => {
      const { check_run: run, repository } = context.payload;
      const number = Number(run.external_id) || run.pull_requests[0]?.number;
      if (!number) {
        context.log.info(
          { checkRun: run.id },
          'rerequested check run has no pull request: nothing to re-run',
        );
        return;
      }
      await rescan(context, repository, [number]);
    });
    app.on('check_suite.rerequested', async (context) => {
      const { check_suite: suite, repository } = context.payload;
      await rescan(
        context,
        repository,
        suite.pull_requests.map((pr) => pr.number),
      );
    });

    const rescan = async (
      context: Context<'check_run.rerequested' | 'check_suite.rerequested'>,
      repository: { owner: { login: string }; name: string; default_branch: string; html_url: string },
      numbers: number[],
    ) => {
      const ref = { owner: repository.owner.login, repo: repository.name };
      const jobs: QueuedJob[] = [];
      for (const number of [...new Set(numbers)]) {
        const { data: pr } = await context.octokit.rest.pulls.get({ ...ref, pull_number: number });
        if (pr.state !== 'open') continue;
        jobs.push(
          pullRequestJob(jobContext(context), {
            repository: ref,
            defaultBranch: repository.default_branch,
            number,
            headSha: pr.head.sha,
            baseSha: pr.base.sha,
            changedFiles: pr.changed_files,
            htmlUrl: repository.html_url,
          }),
        );
      }
      submit(context, jobs);
    };

    app.on('push', async (context) => {
      const { payload } = context;
      const repository = payload.repository;
      if (payload.deleted || ZERO_SHA.test(payload.after)) return;
      if (payload.ref !== `refs/heads/${repository.default_branch}`) return;
      const target: FullScanTarget = {
        repository: {
          owner: repository.owner?.login ?? repository.full_name.split('/')[0] ?? '',
          repo: repository.name,
        },
        defaultBranch: repository.default_branch,
        commit: payload.after,
        trigger: 'push',
        htmlUrl: repository.html_url,
      };
      submit(context, [fullScanJob(jobContext(context), target)]);
    });

    // A new installation, or repositories added to one: register each with the server and check its posture.
    const onboard = async (
      context: Context<'installation.created' | 'installation_repositories.added'>,
      repositories: Array<{ full_name: string }>,
    ) => {
      if (!settings.serverUrl) {
        context.log.info('PALISADE_SERVER_URL is not set: repositories are not registered anywhere');
        return;
      }
      const jobs = repositories.map((entry) => onboardJob(jobContext(context), entry.full_name));
      submit(context, jobs);
    };
    app.on('installation.created', async (context) => onboard(context, context.payload.repositories ?? []));
    app.on('installation_repositories.added', async (context) =>
      onboard(context, context.payload.repositories_added),
    );

    if (settings.postureIntervalMinutes > 0 && settings.serverUrl) {
      timer = setInterval(() => {
        schedulePosture(app, work, settings, blobs).catch((error: unknown) =>
          app.log.error({ err: error }, 'posture schedule failed'),
        );
      }, settings.postureIntervalMinutes * 60_000);
      timer.unref();
    }
  };

  return {
    appFn,
    idle: () => queue?.idle() ?? Promise.resolve(),
    stop: () => {
      if (timer) clearInterval(timer);
    },
  };
}

function pullRequestJob(job: JobContext, target: PullRequestTarget): QueuedJob {
  const { owner, repo } = target.repository;
  return {
    key: `pr:${owner}/${repo}#${target.number}@${target.headSha}`,
    run: () => scanPullRequest(job, target),
  };
}

function fullScanJob(job: JobContext, target: FullScanTarget): QueuedJob {
  const { owner, repo } = target.repository;
  return {
    key: `full:${owner}/${repo}@${target.commit}`,
    run: async () => {
      await scanCommit(job, target);
    },
  };
}

/** Scans the default branch (which registers the repository on the server) and checks the posture. */
function onboardJob(job: JobContext, fullName: string): QueuedJob {
  return {
    key: `onboard:${fullName}`,
    run: async () => {
      const [owner = '', repo = ''] = fullName.split('/');
      const { data } = await job.octokit.rest.repos.get({ owner, repo });
      const { data: branch } = await job.octokit.rest.repos.getBranch({
        owner,
        repo,
        branch: data.default_branch,
      });
      await scanCommit(job, {
        repository: { owner, repo },
        defaultBranch: data.default_branch,
        commit: branch.commit.sha,
        trigger: 'install',
        htmlUrl: data.html_url,
      });
      await checkPosture(job, { owner, repo });
    },
  };
}

/** Every repository of every installation gets a posture check, through the same queue as webhooks. */
async function schedulePosture(
  app: Probot,
  work: WorkQueue,
  settings: AppSettings,
  blobs: BlobCache | undefined,
): Promise<void> {
  const appOctokit = await app.auth();
  const installations = await appOctokit.paginate(appOctokit.rest.apps.listInstallations, { per_page: 100 });
  for (const installation of installations) {
    const octokit = await app.auth(installation.id);
    const repositories = await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, {
      per_page: 100,
    });
    for (const repository of repositories) {
      const job: JobContext = { octokit, log: app.log, settings, blobs };
      const outcome = work.enqueue({
        key: `posture:${repository.full_name}`,
        run: async () => {
          await checkPosture(job, { owner: repository.owner.login, repo: repository.name });
        },
      });
      if (outcome === 'full')
        app.log.warn({ repository: repository.full_name }, 'queue full: posture check skipped');
    }
  }
}
