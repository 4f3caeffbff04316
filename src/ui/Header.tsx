import { useViewStore } from '../state/viewStore';
import { PageHeader } from './site/PageHeader';
import { widgetTarget } from './site/shareTarget';
import './motion.css';

/**
 * The race page's header; Share / Embed offers the race widget in the race's state (the address
 * bar holds it).
 */
export function Header() {
  const theme = useViewStore((s) => s.theme);
  const large = useViewStore((s) => s.large);
  const { setTheme, setLarge } = useViewStore.getState();
  return (
    <PageHeader
      title="Loss Landscape Lab"
      subtitle="Optimizer race: torch.optim update rules on analytic surfaces"
      current="race"
      look={{ theme, large }}
      onLook={(c) => {
        if (c.theme !== undefined) setTheme(c.theme);
        if (c.large !== undefined) setLarge(c.large);
      }}
      share={() => widgetTarget('race', window.location.search, window.location.href)}
    />
  );
}
