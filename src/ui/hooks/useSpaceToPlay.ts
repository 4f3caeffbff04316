import { useEffect } from 'react';

/**
 * Elements where Space already does something (types a space, presses a button, ticks a box,
 * opens a menu), so the page must leave it to them. A range input does nothing with Space, so
 * on a slider Space still plays.
 */
const USES_SPACE =
  'textarea, select, button, summary, a[href], [contenteditable]:not([contenteditable="false"]), ' +
  '[role="button"], [role="checkbox"], [role="switch"], [role="radio"], [role="tab"], ' +
  '[role="menuitem"], [role="option"], [role="textbox"], [role="combobox"], ' +
  'input:not([type="range"])';

export function spaceIsTaken(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(USES_SPACE) !== null;
}

/** Space anywhere on the page calls `toggle` (play / pause), unless focus is where Space is taken. */
export function useSpaceToPlay(toggle: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== ' ' || e.repeat || e.defaultPrevented) return;
      if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      if (spaceIsTaken(e.target)) return;
      e.preventDefault(); // Space would scroll the page
      toggle();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [toggle]);
}
