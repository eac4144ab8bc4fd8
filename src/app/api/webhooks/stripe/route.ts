import { handleStripeWebhook } from '@/server/payments';

/** Stripe (or the offline sandbox) posts events here. The raw body is what the signature covers. */
export async function POST(request: Request): Promise<Response> {
  const rawBody = await request.text();
  const result = await handleStripeWebhook(rawBody, request.headers.get('stripe-signature'));
  return Response.json(result.body, { status: result.status });
}
