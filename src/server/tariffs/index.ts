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
