// Loaded with `node --import` into each PDF render process. Those processes run WITHOUT the
// react-server condition (react-pdf needs the full React), so `server-only` would throw there;
// it is safe to stub: a render process has no client bundle to protect.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(
      'export async function resolve(specifier, context, next) {' +
        " if (specifier === 'server-only') return { url: 'data:text/javascript,', shortCircuit: true };" +
        ' return next(specifier, context); }',
    ),
  import.meta.url,
);
