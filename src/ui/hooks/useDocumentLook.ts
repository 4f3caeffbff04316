import { useEffect } from 'react';
import type { SiteLook } from '../../io/siteLook';

/**
 * A page's or widget's theme and large type on <html>, where styles.css's tokens read them. One
 * hook for every page and widget, so a new look setting is added in one place.
 */
export function useDocumentLook({ theme, large }: SiteLook): void {
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.classList.toggle('large', large);
  }, [theme, large]);
}
