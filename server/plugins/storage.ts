/** The storage plugin: opens the database (or takes a given one), decorates `app.storage`, closes it. */
import fp from 'fastify-plugin';
import { openStorage, type StorageLocation } from '../storage/open.js';
import type { Storage } from '../storage/storage.js';

declare module 'fastify' {
  interface FastifyInstance {
    storage: Storage;
  }
}

export type StoragePluginOptions = { storage: Storage } | StorageLocation;

export default fp<StoragePluginOptions>(
  async (app, options) => {
    const owned = !('storage' in options);
    const storage = 'storage' in options ? options.storage : await openStorage(options);
    app.decorate('storage', storage);
    // A storage given by the caller is the caller's to close.
    if (owned) app.addHook('onClose', async () => storage.close());
  },
  { name: 'palisade-storage' },
);
