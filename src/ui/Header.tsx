import { useViewStore } from '../state/viewStore';
import { LargeTypeButton, ThemeButton } from './controls/LookButtons';
import { CopyLink } from './CopyLink';
import './motion.css';

/** Title, theme and type size (for projectors), and a button that copies the link. */
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
      <div className="header-tools">
        <a className="page-link" href="landscape.html">
          Loss landscapes →
        </a>
        <ThemeButton theme={theme} onChange={setTheme} />
        <LargeTypeButton large={large} onChange={setLarge} />
        <CopyLink />
      </div>
    </header>
  );
}
