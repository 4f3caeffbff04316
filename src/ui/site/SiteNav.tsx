import { withLook, type SiteLook } from '../../io/siteLook';
import './siteNav.css';

/** Which page the nav is on: its entry gets aria-current="page". */
export type SitePage = 'home' | 'lesson' | 'race' | 'landscape' | 'map';

const ENTRIES: readonly { page: SitePage; href: string; label: string }[] = [
  { page: 'home', href: './index.html', label: 'Home' },
  { page: 'lesson', href: './index.html#lessons', label: 'Lessons' },
  { page: 'race', href: './race.html', label: 'Optimizer race' },
  { page: 'landscape', href: './landscape.html', label: 'Loss landscapes' },
  { page: 'map', href: './map.html', label: 'Trainability maps' },
];

/**
 * The site's navigation, the same on every page: `<SiteNav current="lesson" />`. With `look`,
 * each link carries the page's theme and type size, so a projector stays dark and large from
 * page to page.
 */
export function SiteNav({ current, look }: { current: SitePage; look?: SiteLook }) {
  return (
    <nav className="site-nav" aria-label="Site">
      {ENTRIES.map((e) => (
        <a
          key={e.page}
          className="site-nav-link"
          href={withLook(e.href, look)}
          aria-current={e.page === current ? 'page' : undefined}
        >
          {e.label}
        </a>
      ))}
    </nav>
  );
}
