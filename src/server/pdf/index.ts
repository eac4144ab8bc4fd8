import 'server-only';

export { registerPdfFonts, PDF_FONT_FAMILY, PDF_FONT_FILE } from './register-pdf-fonts';
export { pdfBaseStyles, PDF_COLORS } from './pdf-styles';
export { renderPdfToBuffer } from './render-pdf-to-buffer';
export { splitForLineBreaks } from './split-for-line-breaks';
