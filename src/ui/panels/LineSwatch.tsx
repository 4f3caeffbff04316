/** A short line in a racer's colour and dash, as the race draws it (legend, racer cards). */
export function LineSwatch({
  color,
  width,
  dash,
}: {
  color: string;
  width: number;
  dash?: string;
}) {
  return (
    <svg width="28" height="12" aria-hidden="true">
      <line
        x1="2"
        y1="6"
        x2="26"
        y2="6"
        stroke={color}
        strokeWidth={width}
        strokeDasharray={dash}
      />
    </svg>
  );
}
