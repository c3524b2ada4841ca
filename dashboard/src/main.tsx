import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { takeTokenFromFragment } from './auth';
import { I18nProvider } from './i18n';
import './styles.css';

// An SSO portal may hand over a token in the fragment (#token=…): take it before the first
// request, and again whenever it arrives on a page that is already open.
takeTokenFromFragment();
window.addEventListener('hashchange', () => takeTokenFromFragment());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
);
