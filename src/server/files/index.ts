import 'server-only';

export { getFileStore, installFileStore } from './get-file-store';
export { createLocalFileStore } from './create-local-file-store';
export { assertFileKey } from './assert-file-key';
export type { TFileStore } from './types';
