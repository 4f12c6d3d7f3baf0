/** The frame of every screen but the wall: navigation by role, connection state, language, demo banner. */
import { useLayoutEffect } from 'react';
import { NavLink, Outlet, useLocation, useNavigationType } from 'react-router';
import { useT, type MessageKey } from '../i18n.ts';
import { call, stopLive } from '../live/connection.ts';
import { DemoBanner, LangToggle } from './Chrome.tsx';
import { formatTime } from '../logic/time.ts';
import { useConsole } from '../store/index.ts';
import { useInboxTitle } from './useInboxTitle.ts';
import type { Role } from '../../../shared/plans/schema.ts';

/** 历史事件, 台账 and 统计 are one entry (记录), with tabs on those pages: the bar stays one line at 1440 px in
 * English too. It opens on what each role reads most: a unit its own ledger, a leader the statistics. */
const RECORDS = ['/history', '/ledger', '/statistics'];
const NAV: { to: string; key: MessageKey; roles: readonly Role[] | 'all'; also?: readonly string[] }[] = [
  { to: '/inbox', key: 'navInbox', roles: ['unit'] },
  { to: '/dashboard', key: 'navDashboard', roles: 'all' },
  { to: '/declare', key: 'navDeclare', roles: ['duty', 'director', 'commander'] },
  { to: '/approvals', key: 'navApprovals', roles: ['director', 'commander'] },
  { to: '/map', key: 'navMap', roles: 'all' },
  { to: '/history', key: 'hi_records', roles: ['admin', 'duty', 'director', 'commander'], also: RECORDS },
  { to: '/statistics', key: 'hi_records', roles: ['leader'], also: RECORDS },
  { to: '/ledger', key: 'hi_records', roles: ['unit'], also: RECORDS },
  { to: '/plans', key: 'navPlans', roles: 'all' },
  { to: '/contacts', key: 'navContacts', roles: 'all' },
  { to: '/wall', key: 'navWall', roles: ['leader', 'admin', 'duty', 'director', 'commander'] },
];

/**
 * A new page starts at its top: the router keeps the window's scroll, so after declaring at the foot of the
 * long declare form the incident page would open scrolled to its bottom. Back and forward (POP) are left to
 * the browser. On a phone, where the navigation is one row that scrolls sideways, the current page's link
 * is brought into view.
 */
export function useScrollToTop(shown: boolean) {
  const { pathname } = useLocation();
  const navigation = useNavigationType();
  useLayoutEffect(() => {
    if (navigation !== 'POP') window.scrollTo(0, 0);
    const nav = document.querySelector<HTMLElement>('.topbar nav');
    const active = nav?.querySelector<HTMLElement>('a.active');
    if (nav && active && nav.scrollWidth > nav.clientWidth) {
      const n = nav.getBoundingClientRect();
      const a = active.getBoundingClientRect();
      nav.scrollLeft += a.left - n.left - (n.width - a.width) / 2;
    }
  }, [pathname, navigation, shown]);
}

export function ConnectionIndicator() {
  const t = useT();
  const lang = useConsole((s) => s.lang);
  const { status, since } = useConsole((s) => s.connection);
  const text =
    status === 'live'
      ? t('connLive')
      : status === 'connecting'
        ? t('connConnecting')
        : status === 'reconnecting'
          ? t('connReconnecting')
          : t('connOffline', { time: since ? formatTime(since, lang) : '' });
  return (
    <span className={`conn conn-${status}`} role="status" aria-live="polite" data-status={status}>
      <span className="conn-dot" aria-hidden="true" />
      {text}
    </span>
  );
}

export function Layout() {
  const t = useT();
  const user = useConsole((s) => s.user);
  const pending = useConsole(
    (s) =>
      Object.values(s.incidents).filter(
        (i) =>
          i.pending &&
          (i.pending.signer === s.user?.role ||
            (i.pending.signer === 'director' && s.user?.role === 'commander')),
      ).length,
  );
  const { pathname } = useLocation();
  useInboxTitle(user?.role === 'unit');
  useScrollToTop(user !== null);
  if (!user) return null;
  const logout = async () => {
    stopLive();
    await call('logout', {}).catch(() => null);
    useConsole.getState().setSession(null, useConsole.getState().demo);
  };
  return (
    <div className="app">
      <a href="#main" className="skip">
        {t('skipToMain')}
      </a>
      <DemoBanner />
      <header className="topbar">
        <strong className="brand" title={t('appTitle')}>
          {t('brand')}
        </strong>
        <nav aria-label={t('navLabel')}>
          {NAV.filter((n) => n.roles === 'all' || n.roles.includes(user.role)).map((n) => (
            <NavLink
              key={n.to}
              to={n.to}
              className={({ isActive }) => (isActive || n.also?.includes(pathname) ? 'active' : '')}
            >
              {t(n.key)}
              {n.to === '/approvals' && pending > 0 ? <span className="count">{pending}</span> : null}
            </NavLink>
          ))}
        </nav>
        <span className="spacer" />
        <ConnectionIndicator />
        <span className="who" title={t('whoAmI', { user: user.username, role: t(`role_${user.role}`) })}>
          <span className="who-name">{user.username}</span>{' '}
          <span className="who-role">{t(`role_${user.role}`)}</span>
        </span>
        <LangToggle />
        <button type="button" className="secondary" onClick={() => void logout()}>
          {t('logout')}
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
