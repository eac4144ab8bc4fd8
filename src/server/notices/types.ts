import 'server-only';
import type {
  TNoticeChanges,
  TNoticeKind,
  TNoticeRevisionKind,
  TNoticeStatus,
  TUtility,
} from '../db/schema';

export type { TNoticeChanges, TNoticeKind, TNoticeStatus };

/** A change made to a notice after publishing, as the public sees it (no staff names). */
export type TNoticeChange = {
  revision: number;
  kind: TNoticeRevisionKind;
  changes: TNoticeChanges;
  reason: string;
  at: Date;
};

/** A text written in Chinese and, optionally, English (pages fall back to Chinese). */
export type TNoticeText = { zh: string; en: string | null };

export type TPlaceName = { zh: string; en: string };

/** A notice as lists show it: the public page, the dashboard. */
export type TNoticeSummary = {
  id: number;
  kind: TNoticeKind;
  utility: TUtility;
  title: TNoticeText;
  startsAt: Date;
  endsAt: Date;
  emergency: boolean;
  /** Districts it covers, by name. */
  districts: TPlaceName[];
  /** How many single service accounts' premises it covers besides whole districts. */
  accountTargets: number;
  /** Lists show published and cancelled notices (cancelled ones marked, until their end). */
  status: 'published' | 'cancelled' | 'withdrawn';
  /** The latest revision or the cancellation, if any. */
  lastChange: TNoticeChange | null;
};

/** A resident's dashboard notice: which of their addresses it concerns. */
export type TResidentNotice = Omit<TNoticeSummary, 'districts' | 'accountTargets'> & {
  addresses: TPlaceName[];
  /** Started already (in progress) rather than coming. */
  current: boolean;
};

export type TPublicNotice = TNoticeSummary & {
  body: TNoticeText;
  emergencyReason: string | null;
  publishedAt: Date | null;
  withdrawnAt: Date | null;
  /** Every revision and the cancellation, oldest first. */
  changes: TNoticeChange[];
};

/** What staff type into the notice form, already parsed. */
export type TNoticeInput = {
  kind: TNoticeKind;
  /** Only read for `works`; every other kind has its own utility. */
  utility: TUtility;
  titleZh: string;
  titleEn: string | null;
  bodyZh: string;
  bodyEn: string | null;
  startsAt: Date;
  endsAt: Date;
  emergency: boolean;
  emergencyReason: string | null;
  districtIds: number[];
  /** 10-digit account numbers whose premises the notice covers. */
  accountNumbers: string[];
};

/** A field problem: the message key under `notices.errors` and its values. */
export type TNoticeFieldError = { code: string; values?: Record<string, string | number> };

export type TNoticeFieldErrors = Partial<
  Record<keyof TNoticeInput | 'targets' | 'reason', TNoticeFieldError>
>;

/** Why a notice cannot be revised or cancelled. */
export type TNoticeRevisionRefusal = 'draft' | 'cancelled' | 'withdrawn' | 'ended';

export type TStaffNoticeListItem = {
  id: number;
  kind: TNoticeKind;
  utility: TUtility;
  titleZh: string;
  status: TNoticeStatus;
  startsAt: Date;
  endsAt: Date;
  emergency: boolean;
  publishedAt: Date | null;
  delivered: number;
};

export type TStaffNotice = Omit<TNoticeInput, 'startsAt' | 'endsAt'> & {
  id: number;
  status: TNoticeStatus;
  startsAt: Date;
  endsAt: Date;
  districts: (TPlaceName & { id: number })[];
  createdAt: Date;
  publishedAt: Date | null;
  publishedBy: string | null;
  withdrawnAt: Date | null;
  withdrawnBy: string | null;
  withdrawnReason: string | null;
  notifiedAt: Date | null;
  delivered: number;
  /** Published and not ended: it may still be revised or cancelled. */
  revisable: boolean;
  revisions: (TNoticeChange & { by: string | null; notifiedAt: Date | null })[];
};

export type TDistrictOption = { id: number; name: TPlaceName };
