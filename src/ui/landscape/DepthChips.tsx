import { useLandscapeStore } from '../../state/landscapeStore';
import { DEPTHS } from '../../state/landscapeUrl';

/** The ResNet depth as pressed chips (the page's model picker and the landscape widgets'). */
export function DepthChips() {
  const depth = useLandscapeStore((s) => s.settings.depth);
  const set = useLandscapeStore((s) => s.set);
  return (
    <div className="chips" role="group" aria-label="Depth">
      {DEPTHS.map((d) => (
        <button
          key={d}
          type="button"
          className="chip"
          aria-pressed={depth === d}
          onClick={() => set({ depth: d })}
        >
          ResNet-{d}
        </button>
      ))}
    </div>
  );
}
