/** Starts the Palisade server: reads the environment, sets up the database on first start, listens. */
import { buildApp } from './app.js';
import { bootstrap } from './bootstrap.js';
import { readServerConfig } from './config.js';
import { seedDemoData } from './demo/seed.js';
import { redactDatabaseUrl } from './storage/postgres.js';

/** Runs the server until SIGTERM or SIGINT, then closes it gracefully. */
async function main(): Promise<void> {
  const config = readServerConfig(process.env);
  const app = buildApp({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    trustProxy: config.trustProxy,
    asyncIngestThreshold: config.asyncIngestThreshold,
    jobs: { runner: { leaseMs: config.jobLeaseMs }, sinks: config.exports },
    oidc: config.oidc,
    codeToCloud: { codeHosts: config.codeHosts, slaDays: config.slaDays },
    logger: { level: 'info' },
  });
  await app.ready();

  const setup = await bootstrap(app.storage, {
    adminToken: config.adminToken,
    adminPassword: config.adminPassword,
  });
  if (setup.created) {
    // Printed once, on stdout rather than in the log: neither is stored anywhere in clear.
    console.log('Palisade first start: created the default organisation.');
    if (setup.generatedToken) console.log(`  Admin API token (shown once): ${setup.generatedToken}`);
    else console.log('  Admin API token: the one in PALISADE_ADMIN_TOKEN');
    if (setup.generatedPassword)
      console.log(`  Dashboard user "admin", password (shown once): ${setup.generatedPassword}`);
    else console.log('  Dashboard user "admin", password: the one in PALISADE_ADMIN_PASSWORD');
  }
  if (config.demo) {
    const demo = await seedDemoData(app.storage, setup.organization.id);
    if (demo.seeded)
      console.log(
        `Seeded ${demo.scans} demo scans and ${demo.cloudImports ?? 0} cloud inventories (set PALISADE_DEMO=0 to skip).`,
      );
  }

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    // close() stops accepting connections and waits for in-flight requests, then closes the database.
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));

  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  console.log(
    config.databaseUrl
      ? `Database: PostgreSQL at ${redactDatabaseUrl(config.databaseUrl)}`
      : `Database: SQLite in ${config.dataDir}`,
  );
  if (config.oidc) console.log(`OIDC sign-in: ${config.oidc.issuer} (callback ${config.oidc.redirectUrl})`);
  if (config.exports.length) {
    console.log(
      `Exporting findings to: ${config.exports.map((sink) => `${sink.name} (${sink.type})`).join(', ')}`,
    );
  }
  console.log(`Palisade dashboard: http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/`);
}

main().catch((error: unknown) => {
  console.error(`palisade server: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
