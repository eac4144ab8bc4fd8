/**
 * A PDF render process (started by the render pool with `node --import render-worker-hooks.mjs
 * --import tsx`, without the react-server condition, because react-pdf needs the full React).
 * It renders one report per message and writes it straight to the file store, so only a few
 * numbers travel back to the parent, never the PDF bytes. The pool retires it after ~1,000
 * PDFs: react-pdf's memory grows in a long-lived process (STACK-NOTES "PDFs").
 */
import 'server-only';
import { createLocalFileStore, getFileStore } from '../files';
import { renderReportPdf } from './render-report-pdf';
import type { TRenderReply, TRenderTask } from './render-protocol';

// The pool may name the store's directory (tests, benchmarks); otherwise FILE_STORE_DIR.
const storeDirectory = process.argv[2];
const fileStore = storeDirectory ? createLocalFileStore(storeDirectory) : getFileStore();

function reply(message: TRenderReply): void {
  process.send?.(message);
}

process.on('message', (message: TRenderTask | 'exit') => {
  if (message === 'exit') {
    process.disconnect?.();
    return;
  }
  void (async () => {
    const started = performance.now();
    try {
      const pdf = await renderReportPdf(message.report, message.locale);
      const renderMs = performance.now() - started;
      await fileStore.put(message.fileKey, pdf);
      reply({
        id: message.id,
        ok: true,
        renderMs,
        bytes: pdf.length,
        rssBytes: process.memoryUsage.rss(),
      });
    } catch (error) {
      reply({
        id: message.id,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
        rssBytes: process.memoryUsage.rss(),
      });
    }
  })();
});

// Without a parent there is nothing to do: leave rather than linger.
process.on('disconnect', () => process.exit(0));
