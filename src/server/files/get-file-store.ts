import 'server-only';
import { env } from '@/env';
import { createLocalFileStore } from './create-local-file-store';
import type { TFileStore } from './types';

const globalForFiles = globalThis as unknown as { __wanjiaFileStore?: TFileStore };

/** The process's file store: the local directory FILE_STORE_DIR (an S3 one can slot in here). */
export function getFileStore(): TFileStore {
  globalForFiles.__wanjiaFileStore ??= createLocalFileStore(env.FILE_STORE_DIR);
  return globalForFiles.__wanjiaFileStore;
}

/** Tests and benchmarks point the store at their own directory. */
export function installFileStore(store: TFileStore | undefined): void {
  globalForFiles.__wanjiaFileStore = store;
}
