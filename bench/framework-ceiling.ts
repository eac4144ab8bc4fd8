/**
 * The framework's own ceiling for bench:pages: a bare Next app of the same Next and React
 * versions (a root layout of `<html><body>` and one page that awaits `connection()` and renders
 * `<p>ok</p>`), built and started the way ours is. Loaded in the same rounds as our pages, it
 * says how fast this machine is against the figure the issues were written with (≈ 580 req/s for
 * an empty dynamic page), and what our own empty page — the app's shell — costs on top.
 *
 * It is installed into .next-ceiling/ from the npm registry on first use (≈ 20 packages) and
 * reused after. Without the registry, bench:pages goes on without it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const DIR = path.resolve('.next-ceiling');

const FILES: Record<string, string> = {
  'app/layout.tsx': `export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
`,
  'app/page.tsx': `import { connection } from 'next/server';

export default async function Page() {
  await connection();
  return <p>ok</p>;
}
`,
  // Its own workspace root: otherwise Next takes ours (the lockfile above) and bundles our src/.
  'next.config.mjs': `export default { poweredByHeader: false, turbopack: { root: import.meta.dirname } };\n`,
  'tsconfig.json': JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2022',
        lib: ['dom', 'esnext'],
        jsx: 'react-jsx',
        module: 'esnext',
        moduleResolution: 'bundler',
        strict: true,
        skipLibCheck: true,
        noEmit: true,
        isolatedModules: true,
        allowJs: true,
        incremental: true,
        esModuleInterop: true,
        resolveJsonModule: true,
        plugins: [{ name: 'next' }],
      },
      // As `next build` would rewrite it otherwise (and say so in the bench's output).
      include: ['**/*.ts', '**/*.tsx', '.next/types/**/*.ts', '.next/dev/types/**/*.ts'],
      exclude: ['node_modules'],
    },
    null,
    2,
  ),
};

function versionOf(pkg: string): string {
  const json = JSON.parse(readFileSync(`node_modules/${pkg}/package.json`, 'utf8')) as {
    version: string;
  };
  return json.version;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  const r = spawnSync(command, args, { cwd: DIR, stdio: 'inherit', env });
  return r.status === 0;
}

/**
 * Installs and builds the bare app when it is missing or its versions differ from ours.
 * Returns false (having said why) when it cannot.
 */
export function prepareFrameworkCeiling(): boolean {
  const versions = { next: versionOf('next'), react: versionOf('react') };
  const pkg = JSON.stringify(
    {
      name: 'wanjia-framework-ceiling',
      private: true,
      dependencies: { next: versions.next, react: versions.react, 'react-dom': versions.react },
    },
    null,
    2,
  );
  mkdirSync(path.join(DIR, 'app'), { recursive: true });
  const stamp = path.join(DIR, '.built');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === pkg) return true;
  for (const [file, text] of Object.entries(FILES)) writeFileSync(path.join(DIR, file), text);
  writeFileSync(path.join(DIR, 'package.json'), pkg);
  console.log(`▸ framework ceiling: a bare Next ${versions.next} app in ${DIR}`);
  const env = { ...process.env, NODE_ENV: 'production' as const, NEXT_TELEMETRY_DISABLED: '1' };
  if (!run('npm', ['install', '--no-audit', '--no-fund', '--omit=optional'], env)) {
    console.log('  (could not install it: the npm registry is needed once; going on without it)');
    return false;
  }
  if (!run('node_modules/.bin/next', ['build'], env)) {
    console.log('  (its build failed; going on without it)');
    return false;
  }
  writeFileSync(stamp, pkg);
  return true;
}

export function startFrameworkCeiling(port: number, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn('node_modules/.bin/next', ['start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: DIR,
    env: { ...env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
