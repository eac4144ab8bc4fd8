import 'server-only';
import type { ReactElement } from 'react';
import { pdf, type DocumentProps } from '@react-pdf/renderer';
import { registerPdfFonts } from './register-pdf-fonts';

/**
 * Renders a react-pdf <Document> to bytes. Unlike `renderToBuffer`, it unmounts the document's
 * tree afterwards, so a long-lived process (the web server, a report worker) does not keep
 * every rendered document alive (STACK-NOTES "PDFs").
 */
export async function renderPdfToBuffer(document: ReactElement<DocumentProps>): Promise<Buffer> {
  registerPdfFonts();
  const instance = pdf(document);
  try {
    const stream = await instance.toBuffer();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
    }
    return Buffer.concat(chunks);
  } finally {
    instance.updateContainer(null as unknown as ReactElement);
  }
}
