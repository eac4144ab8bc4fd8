import NextLink from 'next/link';
import type { ComponentProps } from 'react';

/**
 * `next/link` without automatic prefetching — import links from here (ESLint enforces it).
 *
 * By default the client router prefetches every link that scrolls into view. Our pages are
 * dynamic (the root layout reads the session), so each prefetch is a request the server
 * renders: one dashboard view in a browser sent 39 of them (two per link) and cost the server
 * about ten times the page itself, and a resident on a metered phone plan paid for every one.
 * Links still navigate on the client; the page is fetched when it is chosen. A link that is
 * very likely to be followed can opt in with `prefetch`.
 */
export default function Link({ prefetch = false, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}
