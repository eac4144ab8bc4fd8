import 'server-only';
import { fork, type ChildProcess } from 'node:child_process';
import type { TRenderReply, TRenderTask } from './render-protocol';
import { renderWorkerFiles } from './render-worker-entry';

export type TRenderOutcome = TRenderReply;

export type TRenderPoolStats = {
  rendered: number;
  failed: number;
  /** Render processes started so far (recycling starts new ones). */
  processesStarted: number;
  /** Highest resident memory any one render process reported, in bytes. */
  peakRssBytes: number;
  /** Time inside react-pdf per PDF, in ms, in completion order. */
  renderMs: number[];
};

export type TRenderPool = {
  render(task: Omit<TRenderTask, 'id'>): Promise<TRenderOutcome>;
  stats(): TRenderPoolStats;
  close(): Promise<void>;
};

type TSlot = {
  child: ChildProcess;
  served: number;
  inFlight: Map<number, (reply: TRenderReply) => void>;
  retiring: boolean;
};

/**
 * A few render processes working side by side (one per core by default), each with up to
 * `inFlightPerProcess` reports in hand so it never waits for the parent between two PDFs.
 * A process is retired after `recycleAfter` PDFs and a fresh one takes its place, which bounds
 * react-pdf's growing memory. Processes are child processes (not worker threads) so each has
 * its own heap, its memory is measurable, and killing one frees everything it held.
 */
export function createRenderPool(
  options: {
    size?: number;
    recycleAfter?: number;
    inFlightPerProcess?: number;
    idleMs?: number;
    /** The file-store directory the render processes write to (default: FILE_STORE_DIR). */
    fileStoreDir?: string;
  } = {},
): TRenderPool {
  const size = options.size ?? 2;
  const recycleAfter = options.recycleAfter ?? 1000;
  const inFlightPerProcess = options.inFlightPerProcess ?? 2;
  const idleMs = options.idleMs ?? 15_000;
  const root = process.cwd();
  const { entry, hooks } = renderWorkerFiles(root);

  const slots: TSlot[] = [];
  const waiting: { task: TRenderTask; resolve: (reply: TRenderReply) => void }[] = [];
  const stats: TRenderPoolStats = {
    rendered: 0,
    failed: 0,
    processesStarted: 0,
    peakRssBytes: 0,
    renderMs: [],
  };
  let nextId = 1;
  let idleTimer: NodeJS.Timeout | undefined;

  function start(): TSlot {
    const child = fork(entry, options.fileStoreDir ? [options.fileStoreDir] : [], {
      cwd: root,
      // Replaces the parent's flags (scripts run with --conditions=react-server).
      // A larger young generation: react-pdf allocates a lot of short-lived objects per PDF and
      // the default 16 MB semi-space makes the scavenger run every few milliseconds.
      execArgv: ['--max-semi-space-size=32', '--import', hooks, '--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
    });
    stats.processesStarted += 1;
    const slot: TSlot = { child, served: 0, inFlight: new Map(), retiring: false };
    child.on('message', (reply: TRenderReply) => {
      const resolve = slot.inFlight.get(reply.id);
      slot.inFlight.delete(reply.id);
      stats.peakRssBytes = Math.max(stats.peakRssBytes, reply.rssBytes);
      if (reply.ok) {
        stats.rendered += 1;
        stats.renderMs.push(reply.renderMs);
      } else {
        stats.failed += 1;
      }
      resolve?.(reply);
      if (slot.retiring && slot.inFlight.size === 0) child.send('exit');
      pump();
    });
    child.on('exit', () => {
      const index = slots.indexOf(slot);
      if (index >= 0) slots.splice(index, 1);
      // A crashed process fails what it held; the job records the failure and moves on.
      for (const [id, resolve] of slot.inFlight) {
        stats.failed += 1;
        resolve({ id, ok: false, error: 'render process ended', rssBytes: 0 });
      }
      slot.inFlight.clear();
      pump();
    });
    slots.push(slot);
    return slot;
  }

  function pump(): void {
    while (waiting.length) {
      let slot = slots
        .filter((s) => !s.retiring && s.inFlight.size < inFlightPerProcess)
        .sort((a, b) => a.inFlight.size - b.inFlight.size)[0];
      if (!slot && slots.filter((s) => !s.retiring).length < size) slot = start();
      if (!slot) return;
      const next = waiting.shift();
      if (!next) return;
      slot.inFlight.set(next.task.id, next.resolve);
      slot.served += 1;
      if (slot.served >= recycleAfter) slot.retiring = true;
      slot.child.send(next.task);
    }
    scheduleIdle();
  }

  function scheduleIdle(): void {
    if (idleTimer) clearTimeout(idleTimer);
    const busy = waiting.length > 0 || slots.some((s) => s.inFlight.size > 0);
    if (busy || slots.length === 0) return;
    idleTimer = setTimeout(() => {
      for (const slot of slots) if (slot.inFlight.size === 0) slot.child.kill();
    }, idleMs);
    idleTimer.unref();
  }

  return {
    render(task) {
      return new Promise((resolve) => {
        waiting.push({ task: { ...task, id: nextId++ }, resolve });
        pump();
      });
    },
    stats: () => ({ ...stats, renderMs: [...stats.renderMs] }),
    async close() {
      if (idleTimer) clearTimeout(idleTimer);
      await Promise.all(
        slots.map(
          (slot) =>
            new Promise<void>((resolve) => {
              if (slot.child.exitCode !== null) return resolve();
              slot.child.once('exit', () => resolve());
              slot.child.kill();
            }),
        ),
      );
    },
  };
}
