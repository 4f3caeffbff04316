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
  const { errors, ...look } = readSiteLook(window.location.search);
  for (const m of errors) console.warn(m);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Home initialLook={look} />
    </StrictMode>,
  );
}
