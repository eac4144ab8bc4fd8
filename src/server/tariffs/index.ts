import 'server-only';

export {
  computeBillLines,
  tierBounds,
  TariffComputationError,
  type TComputeBillLinesInput,
  type TComputedBill,
  type TComputedLine,
  type TTariffErrorCode,
  type TTariffVersion,
  type TTierBound,
} from './compute-bill-lines';
export { loadTariffVersions } from './load-tariff-versions';
export { listTariffVersions, type TTariffVersionListItem } from './list-tariff-versions';
export {
  createTariffVersion,
  type TCreateTariffVersionResult,
  type TNewTariffVersion,
  type TTariffConflict,
} from './create-tariff-version';
export type { TTariffVersionRow } from './select-tariff-versions';
