import { useState } from 'react';
import { useViewStore } from '../state/viewStore';
import { LargeTypeButton, ThemeButton } from './controls/LookButtons';

/** Title, theme and type size (for projectors), and a button that copies the link. */
export function Header() {
  const theme = useViewStore((s) => s.theme);
  const large = useViewStore((s) => s.large);
  const { setTheme, setLarge } = useViewStore.getState();
  const [copied, setCopied] = useState(false);
  const copy = () => {
    navigator.clipboard?.writeText(window.location.href).then(
      () => {
        setCopied(true);
        setTimeout(() => setCopied(false), 1500);
      },
      () => {},
    );
  };
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
        <button type="button" onClick={copy}>
          {copied ? 'Link copied' : 'Copy link'}
        </button>
      </div>
    </header>
  );
}
