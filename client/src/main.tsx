import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PlansPage } from './PlansPage.tsx';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <PlansPage />
    </StrictMode>,
  );
}
