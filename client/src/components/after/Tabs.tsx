/**
 * The tabs over 历史事件, 台账 and 统计, which the top bar reaches as one entry (记录); statistics are for
 * staff only, so a unit sees two tabs.
 */
import { NavLink } from 'react-router';
import { type MessageKey, useT } from '../../i18n.ts';
import { useConsole } from '../../store/index.ts';

const TABS: { to: string; key: MessageKey; staff: boolean }[] = [
  { to: '/history', key: 'navHistory', staff: false },
  { to: '/ledger', key: 'navLedger', staff: false },
  { to: '/statistics', key: 'navStatistics', staff: true },
];

export function RecordTabs() {
  const t = useT();
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
