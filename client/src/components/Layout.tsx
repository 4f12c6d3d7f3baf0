/** The frame of every screen but the wall: navigation by role, connection state, language, demo banner. */
import { NavLink, Outlet } from 'react-router';
import { api } from '../api.ts';
import { useT, type MessageKey } from '../i18n.ts';
import { stopLive } from '../live/connection.ts';
import { formatTime } from '../logic/time.ts';
import { useConsole } from '../store/index.ts';
import { useInboxTitle } from '../pages/Inbox.tsx';
import type { Role } from '../types.ts';

const NAV: { to: string; key: MessageKey; roles: readonly Role[] | 'all' }[] = [
  { to: '/inbox', key: 'navInbox', roles: ['unit'] },
  { to: '/dashboard', key: 'navDashboard', roles: 'all' },
  { to: '/declare', key: 'navDeclare', roles: ['duty', 'director', 'commander'] },
  { to: '/approvals', key: 'navApprovals', roles: ['director', 'commander'] },
  { to: '/map', key: 'navMap', roles: 'all' },
  { to: '/plans', key: 'navPlans', roles: 'all' },
  { to: '/contacts', key: 'navContacts', roles: 'all' },
  { to: '/wall', key: 'navWall', roles: ['leader', 'admin', 'duty', 'director', 'commander'] },
];

export function DemoBanner() {
  const t = useT();
  const demo = useConsole((s) => s.demo);
  return demo ? (
    <div role="note" className="demo-banner">
      {t('demoBanner')}
    </div>
  ) : null;
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

export function LangToggle() {
  const t = useT();
  const toggle = useConsole((s) => s.toggleLang);
  return (
    <button
      type="button"
      className="secondary"
      onClick={toggle}
      lang={t('toggle') === 'English' ? 'en' : 'zh-CN'}
    >
      {t('toggle')}
    </button>
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
  useInboxTitle(user?.role === 'unit');
  if (!user) return null;
  const logout = async () => {
    stopLive();
    await api.del('/api/session').catch(() => null);
    useConsole.getState().setSession(null, useConsole.getState().demo);
  };
  return (
    <div className="app">
      <a href="#main" className="skip">
        {t('skipToMain')}
      </a>
      <DemoBanner />
      <header className="topbar">
        <strong className="brand">{t('appTitle')}</strong>
        <nav aria-label="main">
          {NAV.filter((n) => n.roles === 'all' || n.roles.includes(user.role)).map((n) => (
            <NavLink key={n.to} to={n.to}>
              {t(n.key)}
              {n.to === '/approvals' && pending > 0 ? <span className="count">{pending}</span> : null}
            </NavLink>
          ))}
        </nav>
        <span className="spacer" />
        <ConnectionIndicator />
        <span className="who">
          {user.username}（{t(`role_${user.role}`)}）
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
