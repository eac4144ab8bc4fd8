import 'server-only';

/**
 * Where generated documents and uploads live. Keys are relative paths made of safe segments
 * (`reports/2025/123-zh-CN.pdf`); the store never serves anything itself — pages check who is
 * asking and then read through it.
 */
export type TFileStore = {
  put(key: string, data: Uint8Array): Promise<void>;
  /** Null when there is no such file. */
  get(key: string): Promise<Buffer | null>;
  /** Deleting a missing file is not an error. */
  delete(key: string): Promise<void>;
};
