import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import { Root } from './Root';

const el = document.getElementById('root');
if (!el) throw new Error('#root is missing from index.html');
createRoot(el).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
