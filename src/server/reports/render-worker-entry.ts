import 'server-only';
import path from 'node:path';

/**
 * Files the render processes start from. Resolved at run time from the working directory (the
 * app's root, as for the message files) and kept out of the module that calls fork(): the
 * bundler would otherwise try to bundle the render process into the server build.
 */
export function renderWorkerFiles(root: string = process.cwd()): { entry: string; hooks: string } {
  const dir = path.join(root, 'src', 'server', 'reports');
  return {
    entry: path.join(dir, 'render-worker.ts'),
    hooks: path.join(dir, 'render-worker-hooks.mjs'),
  };
}
