import { redirect } from 'next/navigation';

/** The address of the "not found" page: no route matches it, so Next renders not-found.tsx. */
export const NOT_FOUND_PATH = '/not-found';

/**
 * Use instead of `notFound()` in pages. Next 16.4 in production answers a `notFound()` thrown
 * by a page with an empty `<body>` whose content arrives only through JavaScript
 * (vercel/next.js#98954), so residents without JavaScript saw a blank page. An address that
 * matches no route is rendered in full, so we send the visitor there: they see the same
 * "not found" page, with status 404, with or without JavaScript. The answer is identical for
 * a foreign id and a missing one, so it reveals nothing.
 */
export function pageNotFound(): never {
  redirect(NOT_FOUND_PATH);
}
