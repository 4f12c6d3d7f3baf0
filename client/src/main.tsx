/**
 * The console's entry: who is logged in decides the routes. The first screen (login, dashboard, inbox)
 * is in the main bundle; every other screen, and the map's Leaflet code above all, loads on demand.
 */
import { lazy, StrictMode, Suspense, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { api } from './api.ts';
import { Layout } from './components/Layout.tsx';
import { useT } from './i18n.ts';
import { startLive } from './live/connection.ts';
import { Dashboard } from './pages/Dashboard.tsx';
import { Inbox } from './pages/Inbox.tsx';
import { Login } from './pages/Login.tsx';
import { useConsole } from './store/index.ts';
import type { User } from './types.ts';
import './styles.css';

const MapPage = lazy(() => import('./pages/MapPage.tsx'));
const IncidentPage = lazy(() => import('./pages/IncidentPage.tsx'));
const Declare = lazy(() => import('./pages/Declare.tsx'));
const Approvals = lazy(() => import('./pages/Approvals.tsx'));
const Plans = lazy(() => import('./pages/Plans.tsx'));
const PlanDetail = lazy(() => import('./pages/PlanDetail.tsx'));
const Contacts = lazy(() => import('./pages/Contacts.tsx'));
const Wall = lazy(() => import('./pages/Wall.tsx'));

function Loading() {
  const t = useT();
  return <p className="loading">{t('loading')}</p>;
}

function App() {
  const user = useConsole((s) => s.user);
  const lang = useConsole((s) => s.lang);
  const t = useT();
  useEffect(() => {
    api
      .get<{ user: User | null; demo: boolean }>('/api/session')
      .then((r) => useConsole.getState().setSession(r.user, r.demo))
      .catch(() => useConsole.getState().setSession(null, false));
  }, []);
  useEffect(() => {
    if (user) void startLive(user);
  }, [user]);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  useEffect(() => {
    if (user?.role !== 'unit') document.title = t('appTitle');
  }, [user, t]);
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
