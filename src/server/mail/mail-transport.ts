import 'server-only';
import nodemailer from 'nodemailer';
import { env } from '@/env';

export type TMailMessage = {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
};

/** Whatever actually hands a message over; SMTP in production, a fake in tests. */
export type TMailTransport = {
  send(message: TMailMessage): Promise<void>;
};

const globalForMail = globalThis as unknown as {
  __wanjiaSmtp?: TMailTransport;
  __wanjiaMailTransport?: TMailTransport | null;
};

/**
 * The transport the mail job uses: one installed with installMailTransport (tests), else SMTP
 * from SMTP_URL, else null (no mail server: messages are held for /dev/outbox).
 */
export function getMailTransport(): TMailTransport | null {
  if (globalForMail.__wanjiaMailTransport !== undefined) return globalForMail.__wanjiaMailTransport;
  if (!env.SMTP_URL) return null;
  globalForMail.__wanjiaSmtp ??= smtpTransport(env.SMTP_URL);
  return globalForMail.__wanjiaSmtp;
}

function smtpTransport(url: string): TMailTransport {
  const transporter = nodemailer.createTransport({
    url,
    pool: true,
    // Bounded well below the delivery lease, so a stuck server cannot cause a double send.
    connectionTimeout: 20_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(message) {
      await transporter.sendMail(message);
    },
  };
}

/** Replaces the configured transport in this process (tests); undefined restores SMTP_URL. */
export function installMailTransport(transport: TMailTransport | null | undefined): void {
  globalForMail.__wanjiaMailTransport = transport;
}
