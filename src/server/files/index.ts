import 'server-only';

export { getFileStore, installFileStore } from './get-file-store';
export { createLocalFileStore } from './create-local-file-store';
export { assertFileKey } from './assert-file-key';
export type { TFileStore } from './types';
export {
  checkUploads,
  sniffUploadType,
  cleanFileName,
  UPLOAD_TYPES,
  DEFAULT_MAX_UPLOAD_BYTES,
} from './check-upload';
export type { TAcceptedUpload, TUploadCheck, TUploadError, TUploadExtension } from './check-upload';
