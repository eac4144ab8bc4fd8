import { ClientMessages } from '@/components/i18n/client-messages';

/** Sign-in, registration and recovery pages: one narrow column, easy to follow on a phone. */
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="mx-auto w-full max-w-lg">
      <ClientMessages namespaces={['auth', 'common']}>{children}</ClientMessages>
    </div>
  );
}
