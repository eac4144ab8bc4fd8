/**
 * Sums the counts files written by `npm test -- --counts-file FILE` (one per pass of .ci/run)
 * and prints the one closing line. A missing or unreadable file counts as one failure: that
 * pass crashed before it could report.
 */
import { existsSync, readFileSync } from 'node:fs';
import { formatCounts, sumCounts, type TCounts } from './count-results';

function readCounts(file: string): TCounts {
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<TCounts>;
    if (typeof parsed.passed !== 'number' || typeof parsed.failed !== 'number') {
      return { passed: 0, failed: 1 };
    }
    return { passed: parsed.passed, failed: parsed.failed };
  } catch {
    return { passed: 0, failed: 1 };
  }
}

const total = sumCounts(process.argv.slice(2).map(readCounts));
console.log(formatCounts(total));
process.exit(total.failed > 0 ? 1 : 0);
