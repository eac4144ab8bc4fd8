import 'server-only';
import type { TSandboxResponse } from './types';

/** Stripe's error body: `{ error: { type, code, message, … } }` with its HTTP status. */
export function stripeError(
  status: number,
  error: {
    type:
      | 'card_error'
      | 'invalid_request_error'
      | 'idempotency_error'
      | 'api_error'
      | 'authentication_error';
    message: string;
    code?: string;
    decline_code?: string;
    param?: string;
    [key: string]: unknown;
  },
): TSandboxResponse {
  return { status, body: { error } };
}

export function resourceMissing(kind: string, id: string, param = 'id'): TSandboxResponse {
  return stripeError(404, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    param,
    message: `No such ${kind}: '${id}'`,
  });
}

export function missingParam(param: string): TSandboxResponse {
  return stripeError(400, {
    type: 'invalid_request_error',
    code: 'parameter_missing',
    param,
    message: `Missing required param: ${param}.`,
  });
}

export function invalidParam(param: string, message: string): TSandboxResponse {
  return stripeError(400, {
    type: 'invalid_request_error',
    code: 'parameter_invalid',
    param,
    message,
  });
}

export function ok(body: unknown): TSandboxResponse {
  return { status: 200, body };
}
