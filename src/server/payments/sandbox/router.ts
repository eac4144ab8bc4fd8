import 'server-only';
import { parseStripeForm } from './form-body';
import { withIdempotency } from './idempotency';
import { stripeError } from './errors';
import { sandboxResources } from './resources';
import type { TSandboxRequest, TSandboxResponse, TSandboxRoute } from './types';

type TCompiledRoute = { route: TSandboxRoute; pattern: RegExp; names: string[] };

let compiled: TCompiledRoute[] | undefined;

function compileRoutes(): TCompiledRoute[] {
  compiled ??= sandboxResources.flatMap((resource) =>
    resource.routes.map((route) => {
      const names: string[] = [];
      const source = route.path
        .split('/')
        .map((segment) => {
          if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          names.push(segment.slice(1));
          return '([^/]+)';
        })
        .join('/');
      return { route, pattern: new RegExp(`^${source}$`), names };
    }),
  );
  return compiled;
}

/** Finds the route for `METHOD /v1/…`; literal routes win over ones with `:params`. */
export function matchSandboxRoute(
  method: string,
  path: string,
): { route: TSandboxRoute; params: Record<string, string> } | null {
  let best: { route: TSandboxRoute; params: Record<string, string>; literal: number } | null = null;
  for (const candidate of compileRoutes()) {
    if (candidate.route.method !== method) continue;
    const match = candidate.pattern.exec(path);
    if (!match) continue;
    const params = Object.fromEntries(
      candidate.names.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? '')]),
    );
    const literal = candidate.route.path.split('/').filter((s) => !s.startsWith(':')).length;
    if (!best || literal > best.literal) best = { route: candidate.route, params, literal };
  }
  return best ? { route: best.route, params: best.params } : null;
}

/**
 * The offline Stripe: a `fetch` the Stripe SDK calls through `createFetchHttpClient`. It maps
 * `METHOD /v1/<resource>` to the resource modules listed in `resources.ts`, honours
 * Idempotency-Key on POSTs, and answers with Stripe-shaped JSON and errors.
 */
export async function sandboxFetch(
  input: string | URL | Request,
  init?: RequestInit,
): Promise<Response> {
  const url = new URL(input instanceof Request ? input.url : input.toString());
  const method = (init?.method ?? 'GET').toUpperCase();
  const headers = new Headers(init?.headers);
  const rawBody = typeof init?.body === 'string' ? init.body : '';
  const response = await answer(method, url, rawBody, headers.get('Idempotency-Key'));
  const requestId = `req_sandbox_${Date.now().toString(36)}`;
  return new Response(JSON.stringify(response.body), {
    status: response.status,
    headers: { 'content-type': 'application/json', 'request-id': requestId },
  });
}

async function answer(
  method: string,
  url: URL,
  rawBody: string,
  idempotencyKey: string | null,
): Promise<TSandboxResponse> {
  const matched = matchSandboxRoute(method, url.pathname);
  if (!matched) {
    return stripeError(404, {
      type: 'invalid_request_error',
      message: `Unrecognized request URL (${method}: ${url.pathname}). The offline sandbox implements only the calls this app makes.`,
    });
  }
  const request: TSandboxRequest = {
    method,
    path: url.pathname,
    params: matched.params,
    query: parseStripeForm(url.search.slice(1)),
    body: parseStripeForm(rawBody),
  };
  const run = async () => {
    try {
      return await matched.route.handle(request);
    } catch (error) {
      console.error('[stripe-sandbox] handler failed:', error);
      return stripeError(500, { type: 'api_error', message: 'The sandbox failed.' });
    }
  };
  if (method === 'POST' && idempotencyKey) {
    return withIdempotency(idempotencyKey, { method, path: url.pathname, rawBody }, run);
  }
  return run();
}
