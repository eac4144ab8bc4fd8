import 'server-only';
import { Font } from '@react-pdf/renderer';
import { splitForLineBreaks } from './split-for-line-breaks';

/** The one font family every Wanjia PDF uses: it has the Chinese and the Latin glyphs. */
export const PDF_FONT_FAMILY = 'CJK';

/**
 * WenQuanYi Micro Hei from Debian's fonts-wqy-microhei (.ci/run installs it). A system font, not a
 * web font: react-pdf embeds the subset a document uses, so the PDF reads anywhere. It has one
 * weight; bold text is registered to the same face so a bold style never fails to resolve.
 */
export const PDF_FONT_FILE = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
const POSTSCRIPT_NAME = 'WenQuanYiMicroHei';

/**
 * Registers the CJK font and the line-breaking rule for Chinese once per process (react-pdf's
 * font store is process-wide). Call it before rendering any document; repeated calls are free.
 */
export function registerPdfFonts(): void {
  if (Font.getRegisteredFontFamilies().includes(PDF_FONT_FAMILY)) return;
  Font.register({
    family: PDF_FONT_FAMILY,
    fonts: [
      { src: PDF_FONT_FILE, postscriptName: POSTSCRIPT_NAME, fontWeight: 'normal' },
      { src: PDF_FONT_FILE, postscriptName: POSTSCRIPT_NAME, fontWeight: 'bold' },
    ],
  });
  Font.registerHyphenationCallback(splitForLineBreaks);
}
