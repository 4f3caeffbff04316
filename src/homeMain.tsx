import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './ui/styles.css';

// Before the site had a home page, `/?opt=…` was the race: such a link still opens the race.
if (window.location.search.length > 1) {
  window.location.replace(`race.html${window.location.search}${window.location.hash}`);
} else {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <main className="app">
        <h1>Loss Landscape Lab</h1>
        <p>
          <a href="race.html">Optimizer race</a> · <a href="landscape.html">Loss landscapes</a>
        </p>
      </main>
    </StrictMode>,
  );
}
