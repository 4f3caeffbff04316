import { useViewStore } from '../state/viewStore';
import { LargeTypeButton, ThemeButton } from './controls/LookButtons';
import { CopyLink } from './CopyLink';
import { ShareButton } from './site/ShareDialog';
import { widgetTarget } from './site/shareTarget';
import { SiteNav } from './site/SiteNav';
import './motion.css';

/**
 * Title, the site's navigation, theme and type size (for projectors), a button that copies the
 * link, and Share / Embed (the race widget in the race's state: the address bar holds it).
 */
export function Header() {
  const theme = useViewStore((s) => s.theme);
  const large = useViewStore((s) => s.large);
  const { setTheme, setLarge } = useViewStore.getState();
  return (
    <header className="app-header">
      <div className="title">
        <h1>Loss Landscape Lab</h1>
        <p className="subtitle">Optimizer race: torch.optim update rules on analytic surfaces</p>
      </div>
      <SiteNav current="race" look={{ theme, large }} />
      <div className="header-tools">
        <ThemeButton theme={theme} onChange={setTheme} />
        <LargeTypeButton large={large} onChange={setLarge} />
        <CopyLink />
        <ShareButton
          theme={theme}
          large={large}
          target={() => widgetTarget('race', window.location.search, window.location.href)}
        />
      </div>
    </header>
  );
}
