import { existsSync, readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { scan } from '../../scanners/index.js';
import { sqliteFile } from '../../server/storage/sqlite.js';
import { makeTempDir, removeTempDirs } from '../helpers/tmp.js';
import { ADMIN_TOKEN, bearer, postScan, startTestServer, type TestServer, uploadOf } from './helpers.js';
import { databaseText } from './postgres.js';

const PLANTED_KEYS = ['AKIAQWERTYUIOPASDFGH', 'AKIAZXCVBNMLKJHGFDSA'];

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterEach(() => removeTempDirs());
afterAll(async () => server.close());

/** Every byte the database keeps on disk: the main file and the write-ahead log. */
function databaseBytes(dataDir: string): Buffer {
  const file = sqliteFile(dataDir);
  return Buffer.concat(
    [file, `${file}-wal`, `${file}-shm`].filter(existsSync).map((part) => readFileSync(part)),
  );
}

describe('secret values never reach the database', () => {
  it('stores the hash and 4-character preview of planted keys, and no byte sequence of the keys', async () => {
    const repository = makeTempDir({
      'deploy/settings.py': `AWS_ACCESS_KEY_ID = "${PLANTED_KEYS[0]}"\n`,
      'ci/env.sh': `export AWS_ACCESS_KEY_ID=${PLANTED_KEYS[1]}\n`,
      'k8s/pod.yaml':
        'apiVersion: v1\nkind: Pod\nmetadata: { name: debug }\nspec:\n  containers:\n    - name: shell\n      image: busybox\n      securityContext: { privileged: true }\n',
    });
    const result = await scan({ root: repository, baseline: false });
    const secrets = result.findings.filter((finding) => finding.category === 'secret');
    expect(secrets).toHaveLength(2);
    const response = await postScan(server.app, ADMIN_TOKEN, uploadOf(result, { repository: 'planted' }));
    expect(response.statusCode).toBe(201);

    const stored = await server.app.inject({
      url: '/api/v1/findings?category=secret',
      headers: bearer(ADMIN_TOKEN),
    });
    expect(stored.json().items.map((finding: { secret: unknown }) => finding.secret)).toEqual(
      expect.arrayContaining(secrets.map((finding) => finding.secret)),
    );

    // SQLite: while the server runs, the rows sit in the WAL; after closing, in the main file. Check both.
    // PostgreSQL: every row of every table.
    const check = (bytes: Buffer) => {
      expect(bytes.length).toBeGreaterThan(0);
      // The data did reach the disk: the hashes are there.
      for (const finding of secrets) expect(bytes.includes(finding.secret!.sha256)).toBe(true);
      for (const key of PLANTED_KEYS) {
        for (const encoding of ['utf8', 'utf16le'] as const)
          expect(bytes.includes(Buffer.from(key, encoding))).toBe(false);
        // Nor anything past the 4-character preview.
        expect(bytes.includes(Buffer.from(key.slice(4)))).toBe(false);
        expect(bytes.includes(Buffer.from(key.slice(0, 8)))).toBe(false);
      }
    };
    if (server.databaseUrl) {
      check(Buffer.from(await databaseText(server.databaseUrl)));
      return;
    }
    check(databaseBytes(server.dataDir));
    await server.app.close();
    check(databaseBytes(server.dataDir));
  });
});
