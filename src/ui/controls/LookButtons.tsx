/**
 * The projector buttons of both pages: light/dark theme and large type. Presentational: each
 * page passes its own store's value and setter (race: viewStore, landscapes: landscapeStore).
 */
export function ThemeButton({
  theme,
  onChange,
}: {
  theme: 'light' | 'dark';
  onChange(theme: 'light' | 'dark'): void;
}) {
  return (
    <button
      type="button"
      aria-pressed={theme === 'dark'}
      onClick={() => onChange(theme === 'dark' ? 'light' : 'dark')}
    >
      {theme === 'dark' ? '☀ Light' : '☾ Dark'}
    </button>
  );
}

export function LargeTypeButton({
  large,
  onChange,
}: {
  large: boolean;
  onChange(large: boolean): void;
}) {
  return (
    <button
      type="button"
      aria-pressed={large}
      aria-label="Large type"
      onClick={() => onChange(!large)}
    >
      A<span className="big-a">A</span>
    </button>
  );
}
