import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { isRaceLink, readSiteLook } from './io/siteLook';
import { Home } from './ui/site/Home';
import './ui/styles.css';

// Before the site had a home page, `/?opt=…` was the race: such a link still opens the race.
// The home page's own link holds only `theme` and `large`.
if (isRaceLink(window.location.search)) {
  window.location.replace(`race.html${window.location.search}${window.location.hash}`);
} else {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Home initialLook={readSiteLook(window.location.search)} />
    </StrictMode>,
  );
}
