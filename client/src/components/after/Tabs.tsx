/**
 * The tabs over 历史事件, 台账 and 统计, which the top bar reaches as one entry (记录); statistics are for
 * staff only, so a unit sees two tabs.
 */
import { NavLink } from 'react-router';

import { useConsole } from '../../store/index.ts';
import { type RecordsT, useRecordsT } from '../../words/records.ts';

/** a key of the main catalog or of the records' words */
type Key = Parameters<RecordsT>[0];

const TABS: { to: string; key: Key; staff: boolean }[] = [
  { to: '/history', key: 'navHistory', staff: false },
  { to: '/ledger', key: 'navLedger', staff: false },
  { to: '/statistics', key: 'navStatistics', staff: true },
];

export function RecordTabs() {
  const t = useRecordsT();
  const staff = useConsole((s) => s.user?.role !== 'unit');
  return (
    <nav className="record-tabs" aria-label={t('hi_records')}>
      {TABS.filter((tab) => staff || !tab.staff).map((tab) => (
        <NavLink key={tab.to} to={tab.to}>
          {t(tab.key)}
        </NavLink>
      ))}
    </nav>
  );
}
