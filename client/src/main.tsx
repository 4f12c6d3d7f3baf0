/// <reference types="vite/client" />
/**
 * The console's entry: who is logged in decides the routes. The login screen is the main bundle; the
 * console (its frame, the dashboard, the inbox, the live link) loads after sign-in, every other screen, and
 * the map's Leaflet code above all, when it is opened.
 * A start that cannot reach the server (a reload offline, the page then served by the service worker,
 * public/sw.js) shows the offline screen and retries, instead of a login form that cannot log in.
 */
import { lazy, StrictMode, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { call } from './live/page.ts';
import { Offline } from './components/Offline.tsx';
import { useT } from './i18n.ts';
import { isOnline, requestFailed, requestSucceeded, watchNetwork } from './live/online.ts';
import { Login } from './pages/Login.tsx';
import { useConsole } from './store/index.ts';
import './styles.css';

// the login screen is all a newcomer loads; the console (the live link, the engine that folds the facts,
// the views) comes with the first screen after sign-in
const Layout = lazy(() => import('./components/Layout.tsx').then((m) => ({ default: m.Layout })));
const Dashboard = lazy(() => import('./pages/Dashboard.tsx').then((m) => ({ default: m.Dashboard })));
const Inbox = lazy(() => import('./pages/Inbox.tsx').then((m) => ({ default: m.Inbox })));
const MapPage = lazy(() => import('./pages/MapPage.tsx'));
const IncidentPage = lazy(() => import('./pages/IncidentPage.tsx'));
const Declare = lazy(() => import('./pages/Declare.tsx'));
const Approvals = lazy(() => import('./pages/Approvals.tsx'));
const Plans = lazy(() => import('./pages/Plans.tsx'));
const PlanDetail = lazy(() => import('./pages/PlanDetail.tsx'));
const Contacts = lazy(() => import('./pages/Contacts.tsx'));
const Wall = lazy(() => import('./pages/Wall.tsx'));
const Review = lazy(() => import('./pages/Review.tsx'));
const Ledger = lazy(() => import('./pages/Ledger.tsx'));
const History = lazy(() => import('./pages/History.tsx'));
const Statistics = lazy(() => import('./pages/Statistics.tsx'));

function Loading() {
  const t = useT();
  return <p className="loading">{t('loading')}</p>;
}

/** While the start cannot reach the server, it tries again this often (the server may be down, not the network). */
const RETRY_MS = 15_000;

/** No answer at all: the network or the server is down (the API client's error with status 0). */
const unreachable = (e: unknown) =>
  typeof e === 'object' && e !== null && (e as { offline?: unknown }).offline === true;

/**
 * Who is logged in, asked once at the start; without an answer, `offline` until one comes: retried when the
 * browser says the network is back, every RETRY_MS, and on demand.
 */
function useSessionStart() {
  const [offline, setOffline] = useState(false);
  const [retrying, setRetrying] = useState(false);
  const busy = useRef(false);
  const load = useCallback(() => {
    if (busy.current) return;
    busy.current = true;
    setRetrying(true);
    call('session', {})
      .then((r) => {
        requestSucceeded();
        setOffline(false);
        useConsole.getState().setSession(r.user, r.demo);
      })
      .catch((e: unknown) => {
        if (unreachable(e)) {
          requestFailed();
          setOffline(true);
        } else useConsole.getState().setSession(null, false);
      })
      .finally(() => {
        busy.current = false;
        setRetrying(false);
      });
  }, []);
  useEffect(load, [load]);
  useEffect(() => {
    if (!offline) return;
    let was = isOnline();
    const stop = watchNetwork((online) => {
      if (online && !was) load(); // the browser's `online` event (or any answer): try now
      was = online;
    });
    const timer = setInterval(load, RETRY_MS);
    return () => {
      stop();
      clearInterval(timer);
    };
  }, [offline, load]);
  return { offline, retrying, retry: load };
}

function App() {
  const user = useConsole((s) => s.user);
  const lang = useConsole((s) => s.lang);
  const t = useT();
  const start = useSessionStart();
  useEffect(() => {
    if (user) void import('./live/connection.ts').then((m) => m.startLive(user));
  }, [user]);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  useEffect(() => {
    if (user?.role !== 'unit') document.title = t('appTitle');
  }, [user, t]);
  if (user === undefined && start.offline) return <Offline retrying={start.retrying} onRetry={start.retry} />;
  if (user === undefined) return <Loading />;
  if (user === null) return <Login />;
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/wall" element={<Wall />} />
        <Route element={<Layout />}>
          <Route index element={<Navigate to={user.role === 'unit' ? '/inbox' : '/dashboard'} replace />} />
          <Route path="/dashboard" element={<Dashboard />} />
          <Route path="/inbox" element={<Inbox />} />
          <Route path="/map" element={<MapPage />} />
          <Route path="/incidents/:id" element={<IncidentPage />} />
          <Route path="/incidents/:id/review" element={<Review />} />
          <Route path="/ledger" element={<Ledger />} />
          <Route path="/history" element={<History />} />
          <Route path="/statistics" element={<Statistics />} />
          <Route path="/declare" element={<Declare />} />
          <Route path="/approvals" element={<Approvals />} />
          <Route path="/plans" element={<Plans />} />
          <Route path="/plans/:id" element={<PlanDetail />} />
          <Route path="/contacts" element={<Contacts />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Route>
      </Routes>
    </Suspense>
  );
}

// the app shell offline (public/sw.js), in a built console only: registered once the page has loaded, so
// its downloads never compete with the first screen's; without it the console works the same, online
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {});
  });
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </StrictMode>,
  );
}
