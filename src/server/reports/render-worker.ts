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

// One PDF at a time: the pool keeps a second task waiting here so the process never idles
// between PDFs, and the time measured is the PDF's own, not its wait behind another.
let queue: Promise<void> = Promise.resolve();

async function renderTask(task: TRenderTask): Promise<void> {
  const started = performance.now();
  try {
    const pdf = await renderReportPdf(task.report, task.locale);
    await fileStore.put(task.fileKey, pdf);
    reply({
      id: task.id,
      ok: true,
      renderMs: performance.now() - started,
      bytes: pdf.length,
      rssBytes: process.memoryUsage.rss(),
    });
  } catch (error) {
    reply({
      id: task.id,
      ok: false,
      error: error instanceof Error ? error.message : String(error),
      rssBytes: process.memoryUsage.rss(),
    });
  }
}

process.on('message', (message: TRenderTask | 'exit') => {
  if (message === 'exit') {
    void queue.then(() => process.disconnect?.());
    return;
  }
  queue = queue.then(() => renderTask(message));
});

// Without a parent there is nothing to do: leave rather than linger.
process.on('disconnect', () => process.exit(0));
