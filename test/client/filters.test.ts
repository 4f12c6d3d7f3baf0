/**
 * The filters of the 台账, history and statistics pages as the address carries them: read (what is malformed
 * is dropped), written back (defaults left out, a fixed order), changed (back to page 1, a new plan drops
 * the old plan's level and a unit it does not task), turned into the API's input and the export links; and
 * the statistics page's own sums.
 */
import { describe, expect, it } from 'vitest';
import {
  apiParams,
  changeFilter,
  clearFilters,
  datesReversed,
  downloadHref,
  drillOf,
  durationWords,
  HISTORY_FILTERS,
  isDay,
  isFiltered,
  LEDGER_FILTERS,
  levelBars,
  monthLabel,
  monthSeries,
  pageCount,
  percent,
  readFilters,
  shanghaiDateTime,
  shownRange,
  sortUnits,
  STATISTICS_FILTERS,
  writeFilters,
} from '../../client/src/logic/filters.ts';

const MIN = 60_000;

describe('reading the address', () => {
  it('reads every field of the page, and the page number', () => {
    const f = readFilters(
      LEDGER_FILTERS,
      '?incidentId=inc-1&planId=snow-ice&levelId=III&unitId=police&from=2026-01-01&to=2026-01-31&drill=true&page=3',
    );
    expect(f).toEqual({
      incidentId: 'inc-1',
      planId: 'snow-ice',
      levelId: 'III',
      unitId: 'police',
      from: '2026-01-01',
      to: '2026-01-31',
      drill: 'true',
      page: 3,
    });
  });

  it('drops what is malformed instead of sending it on', () => {
    const f = readFilters(
      LEDGER_FILTERS,
      'planId=../etc&from=2026-02-30&to=31/01/2026&drill=maybe&page=-2&unitId=%20&incidentId=a%20b',
    );
    expect(f).toEqual({ page: 1 });
    expect(readFilters(LEDGER_FILTERS, 'page=1.5').page).toBe(1);
    expect(readFilters(LEDGER_FILTERS, 'page=abc').page).toBe(1);
  });

  it('reads only the fields of its own page', () => {
    // history has words and a status, no unit and no incident; statistics no level and no paging
    expect(readFilters(HISTORY_FILTERS, 'text=结冰&status=terminated&unitId=police&incidentId=x')).toEqual({
      text: '结冰',
      status: 'terminated',
      page: 1,
    });
    expect(readFilters(STATISTICS_FILTERS, 'planId=snow-ice&levelId=III&page=4&sort=met-desc')).toEqual({
      planId: 'snow-ice',
      sort: 'met-desc',
      page: 1,
    });
    expect(readFilters(HISTORY_FILTERS, 'status=finished')).toEqual({ page: 1 });
    expect(readFilters(STATISTICS_FILTERS, 'sort=name')).toEqual({ page: 1 });
  });

  it('keeps a level only with its plan (level ids repeat across plans)', () => {
    expect(readFilters(LEDGER_FILTERS, 'levelId=III').levelId).toBeUndefined();
    expect(readFilters(LEDGER_FILTERS, 'levelId=III&planId=snow-ice').levelId).toBe('III');
  });

  it('trims the words and bounds their length', () => {
    expect(readFilters(HISTORY_FILTERS, 'text=%20%20北山%20%20').text).toBe('北山');
    expect(readFilters(HISTORY_FILTERS, `text=${'字'.repeat(150)}`).text).toHaveLength(100);
    expect(readFilters(HISTORY_FILTERS, 'text=%20').text).toBeUndefined();
  });

  it('reads a real calendar day only', () => {
    expect(isDay('2026-01-31')).toBe(true);
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2026-13-01')).toBe(false);
    expect(isDay('2026-1-01')).toBe(false);
    expect(isDay('')).toBe(false);
  });
});

describe('real or drill', () => {
  it('the ledger and the history show both by default; statistics count real responses', () => {
    expect(drillOf(LEDGER_FILTERS, readFilters(LEDGER_FILTERS, ''))).toBe('all');
    expect(drillOf(HISTORY_FILTERS, readFilters(HISTORY_FILTERS, ''))).toBe('all');
    expect(drillOf(STATISTICS_FILTERS, readFilters(STATISTICS_FILTERS, ''))).toBe('false');
    expect(drillOf(STATISTICS_FILTERS, readFilters(STATISTICS_FILTERS, 'drill=all'))).toBe('all');
  });

  it('the default is not written to the address, any other choice is', () => {
    expect(writeFilters(STATISTICS_FILTERS, { drill: 'false', page: 1 }).toString()).toBe('');
    expect(writeFilters(STATISTICS_FILTERS, { drill: 'all', page: 1 }).toString()).toBe('drill=all');
    expect(writeFilters(LEDGER_FILTERS, { drill: 'all', page: 1 }).toString()).toBe('');
    expect(writeFilters(LEDGER_FILTERS, { drill: 'false', page: 1 }).toString()).toBe('drill=false');
  });

  it('the API is asked for real or drill only when it narrows', () => {
    expect(apiParams(STATISTICS_FILTERS, { page: 1 })).toEqual({ drill: 'false' });
    expect(apiParams(STATISTICS_FILTERS, { drill: 'all', page: 1 })).toEqual({});
    expect(apiParams(LEDGER_FILTERS, { page: 1 })).toEqual({ offset: 0, limit: 100 });
    expect(apiParams(LEDGER_FILTERS, { drill: 'true', page: 1 })).toEqual({
      drill: 'true',
      offset: 0,
      limit: 100,
    });
  });
});

describe('writing the address', () => {
  it('writes back what it read, in a fixed order, so a shared link is the same link', () => {
    const search = 'planId=snow-ice&levelId=III&from=2026-01-01&to=2026-01-31&drill=true&page=2';
    expect(writeFilters(LEDGER_FILTERS, readFilters(LEDGER_FILTERS, search)).toString()).toBe(search);
    const shuffled = 'page=2&drill=true&to=2026-01-31&from=2026-01-01&levelId=III&planId=snow-ice';
    expect(writeFilters(LEDGER_FILTERS, readFilters(LEDGER_FILTERS, shuffled)).toString()).toBe(search);
  });

  it('leaves out the first page and empty values', () => {
    expect(writeFilters(HISTORY_FILTERS, { text: '', page: 1 }).toString()).toBe('');
    expect(writeFilters(HISTORY_FILTERS, { text: '北山 结冰', page: 1 }).toString()).toBe(
      'text=%E5%8C%97%E5%B1%B1+%E7%BB%93%E5%86%B0',
    );
  });
});

describe('changing a filter', () => {
  const units = (planId: string) => (planId === 'snow-ice' ? ['police', 'weather'] : ['water', 'police']);

  it('goes back to the first page', () => {
    expect(changeFilter({ planId: 'snow-ice', page: 4 }, 'from', '2026-01-01')).toEqual({
      planId: 'snow-ice',
      from: '2026-01-01',
      page: 1,
    });
  });

  it('a new plan drops the old plan’s level, and a unit the new plan does not task', () => {
    const f = { planId: 'snow-ice', levelId: 'III', unitId: 'weather', page: 2 };
    expect(changeFilter(f, 'planId', 'rural-water', units)).toEqual({ planId: 'rural-water', page: 1 });
    expect(changeFilter({ ...f, unitId: 'police' }, 'planId', 'rural-water', units)).toEqual({
      planId: 'rural-water',
      unitId: 'police',
      page: 1,
    });
    // back to all plans: every unit is offered, so the unit stays; the level goes
    expect(changeFilter(f, 'planId', '', units)).toEqual({ unitId: 'weather', page: 1 });
    // the same plan again changes nothing but the page
    expect(changeFilter(f, 'planId', 'snow-ice', units)).toEqual({ ...f, page: 1 });
  });

  it('an empty value removes the filter', () => {
    expect(changeFilter({ incidentId: 'inc-1', page: 1 }, 'incidentId', undefined)).toEqual({ page: 1 });
    expect(changeFilter({ status: 'active', page: 1 }, 'status', '')).toEqual({ page: 1 });
  });

  it('clearing keeps only what is asked for (the unit table’s order)', () => {
    const f = { planId: 'snow-ice', drill: 'all' as const, sort: 'ack' as const, page: 1 };
    expect(clearFilters(f, ['sort'])).toEqual({ sort: 'ack', page: 1 });
    expect(isFiltered(STATISTICS_FILTERS, f)).toBe(true);
    expect(isFiltered(STATISTICS_FILTERS, { sort: 'ack', page: 1 })).toBe(false);
  });

  it('says when the start comes after the end', () => {
    expect(datesReversed({ from: '2026-02-01', to: '2026-01-31', page: 1 })).toBe(true);
    expect(datesReversed({ from: '2026-01-31', to: '2026-01-31', page: 1 })).toBe(false);
    expect(datesReversed({ from: '2026-02-01', page: 1 })).toBe(false);
  });
});

describe('the API and the files', () => {
  it('pages as offset and limit, and leaves the sort to the page', () => {
    expect(apiParams(LEDGER_FILTERS, { planId: 'snow-ice', page: 3 })).toEqual({
      planId: 'snow-ice',
      offset: 200,
      limit: 100,
    });
    expect(apiParams(HISTORY_FILTERS, { text: '结冰', page: 2 })).toEqual({
      text: '结冰',
      offset: 20,
      limit: 20,
    });
    expect(apiParams(STATISTICS_FILTERS, { planId: 'snow-ice', sort: 'met', page: 1 })).toEqual({
      planId: 'snow-ice',
      drill: 'false',
    });
  });

  it('an export holds every filter, every page, and the reader’s language', () => {
    const f = { incidentId: 'inc-1', planId: 'snow-ice', levelId: 'III', drill: 'false' as const, page: 3 };
    expect(downloadHref('/api/ledger.xlsx', LEDGER_FILTERS, f, 'en')).toBe(
      '/api/ledger.xlsx?incidentId=inc-1&planId=snow-ice&levelId=III&drill=false&lang=en',
    );
    expect(downloadHref('/api/ledger.csv', LEDGER_FILTERS, { page: 1 }, 'zh')).toBe(
      '/api/ledger.csv?lang=zh',
    );
  });

  it('counts pages and the rows a page shows', () => {
    expect(pageCount(0, 100)).toBe(1);
    expect(pageCount(100, 100)).toBe(1);
    expect(pageCount(101, 100)).toBe(2);
    expect(shownRange(1, 100, 0)).toEqual({ first: 0, last: 0 });
    expect(shownRange(2, 100, 168)).toEqual({ first: 101, last: 168 });
    expect(shownRange(3, 100, 168)).toEqual({ first: 0, last: 0 });
  });

  it('writes a time of the record in Shanghai time', () => {
    expect(shanghaiDateTime(Date.parse('2026-01-15T09:05:00+08:00'))).toBe('2026-01-15 09:05');
    expect(shanghaiDateTime(Date.parse('2026-01-15T23:30:00Z'))).toBe('2026-01-16 07:30');
  });
});

describe('the statistics page’s sums', () => {
  it('fills the months without responses, so the axis does not hide quiet months', () => {
    expect(
      monthSeries([
        { month: '2026-02', count: 1 },
        { month: '2025-11', count: 3 },
      ]),
    ).toEqual([
      { month: '2025-11', count: 3 },
      { month: '2025-12', count: 0 },
      { month: '2026-01', count: 0 },
      { month: '2026-02', count: 1 },
    ]);
    expect(monthSeries([])).toEqual([]);
    expect(monthSeries([{ month: '2026-12', count: 2 }])).toEqual([{ month: '2026-12', count: 2 }]);
    // a decade at most, the latest
    const long = monthSeries([
      { month: '2000-01', count: 1 },
      { month: '2026-06', count: 1 },
    ]);
    expect(long).toHaveLength(120);
    expect(long.at(-1)).toEqual({ month: '2026-06', count: 1 });
  });

  it('names a month in either language', () => {
    expect(monthLabel('2026-01', 'zh')).toBe('2026年1月');
    expect(monthLabel('2026-11', 'en')).toBe('Nov 2026');
  });

  it('says a duration in words, to the minute', () => {
    expect(durationWords(30_000, 'zh')).toBe('不足1分钟');
    expect(durationWords(30_000, 'en')).toBe('under a minute');
    expect(durationWords(5 * MIN + 59_000, 'zh')).toBe('5分钟');
    expect(durationWords(MIN, 'en')).toBe('1 minute');
    expect(durationWords(190 * MIN, 'zh')).toBe('3小时10分钟');
    expect(durationWords(190 * MIN, 'en')).toBe('3 hours 10 minutes');
    expect(durationWords(120 * MIN, 'en')).toBe('2 hours');
    expect(durationWords(27 * 60 * MIN, 'zh')).toBe('1天3小时');
    expect(durationWords(24 * 60 * MIN, 'en')).toBe('1 day');
    expect(durationWords(-5, 'en')).toBe('under a minute');
  });

  it('a share as a percentage that never rounds to all or nothing when it is neither', () => {
    expect(percent(0)).toBe('0%');
    expect(percent(1)).toBe('100%');
    expect(percent(2 / 3)).toBe('67%');
    expect(percent(0.999)).toBe('99%');
    expect(percent(0.001)).toBe('1%');
  });

  const units = [
    { unitId: 'a', medianAckMs: 5 * MIN, metShare: 0.5 },
    { unitId: 'b', medianAckMs: null, metShare: null },
    { unitId: 'c', medianAckMs: MIN, metShare: 1 },
    { unitId: 'd', medianAckMs: 60 * MIN, metShare: 0 },
    { unitId: 'e', medianAckMs: null, metShare: 0.5 },
  ];
  const ids = (u: { unitId: string }[]) => u.map((x) => x.unitId);

  it('sorts the units by time to acknowledge, fastest or slowest first, the units without one last', () => {
    expect(ids(sortUnits(units, 'ack'))).toEqual(['c', 'a', 'd', 'b', 'e']);
    expect(ids(sortUnits(units, 'ack-desc'))).toEqual(['d', 'a', 'c', 'b', 'e']);
  });

  it('sorts the units by the share of deadlines met, best or worst first, the units without deadlines last', () => {
    expect(ids(sortUnits(units, 'met'))).toEqual(['c', 'a', 'e', 'd', 'b']);
    expect(ids(sortUnits(units, 'met-desc'))).toEqual(['d', 'a', 'e', 'c', 'b']);
    // unsorted: the server's order, untouched
    expect(ids(sortUnits(units, undefined))).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('the bars by level: every level of each plan with a response, lowest first, 0 where none reached it', () => {
    const plans = [
      {
        id: 'snow-ice',
        levels: [
          { id: 'IV', name: { zh: 'Ⅳ级', en: 'IV' }, color: 'blue' },
          { id: 'III', name: { zh: 'Ⅲ级', en: 'III' }, color: 'yellow' },
        ],
      },
      { id: 'rural-water', levels: [{ id: 'village', name: { zh: '村级', en: 'Village' }, color: null }] },
      { id: 'power-plant', levels: [{ id: 'IV', name: { zh: 'Ⅳ级', en: 'IV' }, color: 'blue' }] },
    ];
    const bars = levelBars(
      [
        { planId: 'snow-ice', levelId: 'III', count: 2 },
        { planId: 'snow-ice', levelId: null, count: 1 },
        { planId: 'rural-water', levelId: 'village', count: 4 },
      ],
      plans,
    );
    expect(bars.map((b) => [b.planId, b.levelId, b.count, b.color])).toEqual([
      ['snow-ice', 'IV', 0, 'blue'],
      ['snow-ice', 'III', 2, 'yellow'],
      ['snow-ice', null, 1, null],
      ['rural-water', 'village', 4, null],
    ]);
    expect(bars[2]!.name).toBeNull();
  });
});
