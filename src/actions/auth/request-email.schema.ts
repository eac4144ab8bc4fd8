import { z } from 'zod';
import { ZEmailField } from './fields.schema';

/** Forms that only ask for an address: sign-in link, forgotten password, resend confirmation. */
export const ZRequestEmailSchema = z.object({ email: ZEmailField });

export type TRequestEmailInput = z.infer<typeof ZRequestEmailSchema>;
