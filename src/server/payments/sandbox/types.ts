import 'server-only';

/** A decoded form body or query string (Stripe's bracket notation: `a[b][0]=c`). */
export type TFormValue = string | TFormValue[] | { [key: string]: TFormValue };
export type TFormObject = { [key: string]: TFormValue };

export type TSandboxRequest = {
  method: string;
  /** Path without the query, e.g. `/v1/checkout/sessions/cs_test_…`. */
  path: string;
  /** Values of the `:name` segments of the matched route. */
  params: Record<string, string>;
  query: TFormObject;
  body: TFormObject;
};

export type TSandboxResponse = { status: number; body: unknown };

export type TSandboxRoute = {
  method: 'GET' | 'POST' | 'DELETE';
  /** Stripe's path with `:name` placeholders, e.g. `/v1/refunds/:id`. */
  path: string;
  handle(request: TSandboxRequest): Promise<TSandboxResponse>;
};

/** One Stripe resource the sandbox implements: a module exporting its routes. */
export type TSandboxResource = { name: string; routes: readonly TSandboxRoute[] };

/** Stripe-shaped objects as stored: at least an id and an object name. */
export type TStripeObject = { id: string; object: string; [key: string]: unknown };
