import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./src/i18n/request.ts');

/**
 * Security headers for every response. The CSP allows inline styles/scripts because
 * Next's streamed RSC payload is inline; nothing else may load from other origins.
 */
const securityHeaders = [
  {
    key: 'Content-Security-Policy',
    value: [
      "default-src 'self'",
      "script-src 'self' 'unsafe-inline'" +
        (process.env.NODE_ENV === 'production' ? '' : " 'unsafe-eval'"),
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self'",
      "connect-src 'self'",
      "form-action 'self' https://checkout.stripe.com",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "object-src 'none'",
    ].join('; '),
  },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Separate build folders let a test server and a dev server share one checkout.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  serverExternalPackages: [
    '@electric-sql/pglite',
    'pg-boss',
    'pg',
    'pg-copy-streams',
    '@node-rs/argon2',
  ],
  poweredByHeader: false,
  // Metadata (the <title> above all) in the <head> of the first bytes for every client, not
  // streamed in later for browsers: a screen reader announces the title on load, a page without
  // JavaScript has it where it belongs, and axe saw pages without a title when it ran before the
  // streamed one arrived. Our generateMetadata only looks up a translation.
  htmlLimitedBots: /.*/,
  // The e2e server's build skips the type check: `npm test` runs tsc as its own step.
  typescript: { ignoreBuildErrors: process.env.NEXT_BUILD_SKIP_TYPECHECK === '1' },
  typedRoutes: false,
  experimental: {
    serverActions: { bodySizeLimit: '60mb' },
  },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default withNextIntl(nextConfig);
