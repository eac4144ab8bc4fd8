import 'server-only';
import type { TLocale } from '@/lib/locale';
import type { TAnnualReport } from './types';

/** Parent → render process: make this report's PDF and put it in the file store under fileKey. */
export type TRenderTask = { id: number; report: TAnnualReport; locale: TLocale; fileKey: string };

/** Render process → parent. `rssBytes` is the process's resident memory after this PDF. */
export type TRenderReply =
  | { id: number; ok: true; renderMs: number; bytes: number; rssBytes: number }
  | { id: number; ok: false; error: string; rssBytes: number };
