import 'server-only';
import type { TSandboxSetupSession, TSetupMethod } from './setup-sessions';
import { loadSandboxObject } from './store';

/** What the hosted set-up page shows. */
export type TSandboxSetupPage = {
  id: string;
  status: 'open' | 'complete' | 'expired';
  method: TSetupMethod;
  currency: string;
  cancelUrl: string | null;
  successUrl: string;
};

export async function getSandboxSetupPage(sessionId: string): Promise<TSandboxSetupPage | null> {
  const session = await loadSandboxObject<TSandboxSetupSession>(sessionId, 'checkout.session');
  if (!session || session.mode !== 'setup') return null;
  return {
    id: session.id,
    status: session.status,
    method: session.payment_method_types[0] ?? 'card',
    currency: session.currency,
    cancelUrl: session.cancel_url,
    successUrl: session.success_url,
  };
}
