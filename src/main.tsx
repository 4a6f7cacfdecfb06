import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './components/App';
import { connectPageI18n } from './components/pageI18n';
import { registerServiceWorker } from './offline/registerServiceWorker';
import { useStore } from './store/useStore';
import './styles/index.css';

// One i18next for the page, following the store's language (the switcher sets it).
const { i18n } = connectPageI18n();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App />
    </I18nextProvider>
  </StrictMode>,
);

// Offline after the first visit; a new version waits for the user's word (the update notice).
registerServiceWorker((apply) => useStore.getState().offerUpdate(apply));
