import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './ui/styles.css';

const widget = new URLSearchParams(window.location.search).get('widget') ?? '';
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <main>
      <p>Widget: {widget}</p>
    </main>
  </StrictMode>,
);
