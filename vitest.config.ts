import { defineConfig } from 'vitest/config';

const shared = { testTimeout: 60_000, hookTimeout: 60_000, pool: 'forks' } as const;

export default defineConfig({
  test: {
    projects: [
      { test: { ...shared, name: 'default', include: ['test/**/*.test.ts'] } },
      // The server's storage, ingestion, lifecycle and access tests again, on a real PostgreSQL.
      {
        test: {
          ...shared,
          name: 'server-postgres',
          include: [
            'test/server/{access,cloud,dashboard,export,filters,ingest,jobs,lifecycle,oidc,secrets,trends,users}.test.ts',
          ],
          env: { PALISADE_TEST_BACKEND: 'postgres' },
        },
      },
    ],
  },
});
