/** Says so on every page when the server runs in demo mode (its answers carry `demo: true`). */
import { useEffect, useState } from 'react';
import { useT } from './i18n.ts';

export function DemoBanner() {
  const t = useT();
  const [demo, setDemo] = useState(false);
  useEffect(() => {
    fetch('/api/session')
      .then((r) => r.json())
      .then((body: { demo?: boolean }) => setDemo(body.demo === true))
      .catch(() => setDemo(false));
  }, []);
  if (!demo) return null;
  return (
    <div
      role="status"
      style={{ background: '#fef3c7', color: '#78350f', padding: '8px 16px', fontWeight: 600 }}
    >
      {t('demoBanner')}
    </div>
  );
}
