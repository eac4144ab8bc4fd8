import 'server-only';
import { StyleSheet } from '@react-pdf/renderer';
import { PDF_FONT_FAMILY } from './register-pdf-fonts';

/** The palette of the web pages (Tailwind brand/slate), so a printed bill looks like the site. */
export const PDF_COLORS = {
  text: '#0f172a',
  muted: '#475569',
  rule: '#cbd5e1',
  brand: '#1d4ed8',
  band: '#f1f5f9',
  warning: '#92400e',
  warningBand: '#fef3c7',
} as const;

/** A4 width in points; the pages use 44 pt side margins. */
const A4_WIDTH = 595.28;

/**
 * Base styles shared by every PDF (bills, annual reports). A4 portrait, 10 pt body: readable when
 * printed, and large enough for the Chinese glyphs of the embedded font.
 */
export const pdfBaseStyles = StyleSheet.create({
  page: {
    fontFamily: PDF_FONT_FAMILY,
    fontSize: 10,
    lineHeight: 1.5,
    color: PDF_COLORS.text,
    paddingTop: 40,
    paddingBottom: 56,
    paddingHorizontal: 44,
  },
  brandBar: {
    flexDirection: 'row',
    justifyContent: 'space-between',
    alignItems: 'flex-end',
    borderBottomWidth: 2,
    borderBottomColor: PDF_COLORS.brand,
    paddingBottom: 8,
    marginBottom: 16,
  },
  brandName: { fontSize: 16, color: PDF_COLORS.brand },
  title: { fontSize: 18, marginBottom: 4 },
  heading: { fontSize: 12, marginTop: 14, marginBottom: 6 },
  muted: { color: PDF_COLORS.muted },
  small: { fontSize: 8.5 },
  paragraph: { marginBottom: 6 },
  row: {
    flexDirection: 'row',
    justifyContent: 'space-between',
    paddingVertical: 4,
    borderBottomWidth: 0.5,
    borderBottomColor: PDF_COLORS.rule,
  },
  band: { backgroundColor: PDF_COLORS.band, padding: 10, borderRadius: 4 },
  notice: {
    backgroundColor: PDF_COLORS.warningBand,
    color: PDF_COLORS.warning,
    padding: 8,
    borderRadius: 4,
    marginVertical: 6,
  },
  amount: { textAlign: 'right' },
  // An explicit width: an absolute row pinned by both left and right is dropped by react-pdf 4.9.
  footer: {
    position: 'absolute',
    bottom: 24,
    left: 44,
    width: A4_WIDTH - 88,
    fontSize: 8,
    color: PDF_COLORS.muted,
    flexDirection: 'row',
    justifyContent: 'space-between',
  },
});
