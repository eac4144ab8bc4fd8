import { describe, expect, it } from 'vitest';
import { chooseAdvice, type TAdviceInput } from './choose-advice';

const flat = (value: number) => Array.from({ length: 12 }, () => value);
const base: TAdviceInput = {
  utility: 'electricity',
  usage: flat(200),
  lastYearTotal: null,
  lastYearMonthsWithData: 0,
  similar: null,
  highestTier: null,
};

describe('advice chosen from the household’s own pattern', () => {
  it('suggests air-conditioning habits when summer months are far above spring and autumn', () => {
    const usage = flat(200);
    usage[6] = 420;
    usage[7] = 400;
    expect(chooseAdvice({ ...base, usage })).toContain('summerPeak');
  });

  it('suggests heating habits when winter months are far above spring and autumn', () => {
    const usage = flat(150);
    usage[0] = 300;
    usage[1] = 280;
    usage[11] = 260;
    expect(chooseAdvice({ ...base, usage })).toEqual(['winterPeak']);
  });

  it('gives a general tip when no rule fits an even year', () => {
    expect(chooseAdvice(base)).toEqual(['generalElectricity']);
    expect(chooseAdvice({ ...base, utility: 'water', usage: flat(8) })).toEqual(['generalWater']);
  });

  it('raises a leak check for water only when even the quietest month beats a typical home', () => {
    const similar = { households: 40, median: '120.0', efficient: '80.0' };
    expect(chooseAdvice({ ...base, utility: 'water', usage: flat(14), similar })).toContain(
      'steadyWater',
    );
    expect(chooseAdvice({ ...base, utility: 'water', usage: flat(9), similar })).not.toContain(
      'steadyWater',
    );
  });

  it('calls an electricity home with a high floor all year a high base load', () => {
    const similar = { households: 40, median: '1800.0', efficient: '1200.0' };
    expect(chooseAdvice({ ...base, similar })).toContain('highBaseLoad');
  });

  it('praises a home among the most frugal fifth of similar homes', () => {
    const similar = { households: 40, median: '3000.0', efficient: '2500.0' };
    expect(chooseAdvice({ ...base, similar })).toEqual(['efficient']);
  });

  it('compares with last year only when both years are complete', () => {
    expect(chooseAdvice({ ...base, lastYearTotal: 1800, lastYearMonthsWithData: 12 })).toContain(
      'upOnLastYear',
    );
    expect(chooseAdvice({ ...base, lastYearTotal: 1800, lastYearMonthsWithData: 9 })).not.toContain(
      'upOnLastYear',
    );
  });

  it('asks for readings when two or more months are missing, and says nothing for an empty year', () => {
    const usage: (number | null)[] = flat(200);
    usage[3] = null;
    usage[4] = null;
    expect(chooseAdvice({ ...base, usage })).toContain('missingReadings');
    expect(chooseAdvice({ ...base, usage: Array.from({ length: 12 }, () => null) })).toEqual([]);
  });

  it('never gives more than three pieces of advice', () => {
    const usage = flat(300);
    usage[0] = 700;
    usage[6] = 700;
    usage[7] = 700;
    usage[11] = 700;
    const similar = { households: 40, median: '1000.0', efficient: '800.0' };
    const advice = chooseAdvice({
      ...base,
      usage,
      similar,
      highestTier: 3,
      lastYearTotal: 1000,
      lastYearMonthsWithData: 12,
    });
    expect(advice).toHaveLength(3);
    expect(advice[0]).toBe('summerPeak');
  });
});
