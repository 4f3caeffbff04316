import { useEffect } from 'react';
import { useViewStore } from '../../state/viewStore';

/** The race's theme and large type on <html>, where the page's CSS reads them. */
export function useRaceLook(): void {
  const theme = useViewStore((s) => s.theme);
  const large = useViewStore((s) => s.large);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.classList.toggle('large', large);
  }, [theme, large]);
}
