import type { ReactNode } from 'react';
import type { SiteLook } from '../../io/siteLook';
import { LargeTypeButton, ThemeButton } from '../controls/LookButtons';
import { CopyLink } from '../CopyLink';
import { ShareButton } from './ShareDialog';
import type { ShareTarget } from './shareTarget';
import { SiteNav, type SitePage } from './SiteNav';

/**
 * A playground page's header: its title and one-line promise, the site's navigation, theme and
 * type size (for projectors), Copy link, and Share / Embed of the page's widget in the page's
 * state. One component for the race, landscape and map pages, so their headers cannot drift.
 */
export function PageHeader({
  title,
  subtitle,
  current,
  look,
  onLook,
  share,
}: {
  title: string;
  subtitle: ReactNode;
  current: SitePage;
  look: SiteLook;
  onLook(change: Partial<SiteLook>): void;
  /** The widget and link the Share / Embed dialog offers, read when it opens. */
  share(): ShareTarget;
}) {
  return (
    <header className="app-header">
      <div className="title">
        <h1>{title}</h1>
        <p className="subtitle">{subtitle}</p>
      </div>
      <SiteNav current={current} look={look} />
      <div className="header-tools">
        <div className="page-look" role="group" aria-label="Display">
          <ThemeButton theme={look.theme} onChange={(theme) => onLook({ theme })} />
          <LargeTypeButton large={look.large} onChange={(large) => onLook({ large })} />
        </div>
        <CopyLink />
        <ShareButton theme={look.theme} large={look.large} target={share} />
      </div>
    </header>
  );
}
