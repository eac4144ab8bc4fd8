import { z } from 'zod';
import { LOCALES } from '@/lib/locale';

export const ZSetLocaleSchema = z.object({ locale: z.enum(LOCALES) });
export const ZSetTextSizeSchema = z.object({ size: z.enum(['normal', 'large']) });
