import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DemoBanner } from './DemoBanner.tsx';
import { PlansPage } from './PlansPage.tsx';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <DemoBanner />
      <PlansPage />
    </StrictMode>,
  );
}
