import { useEffect, useState } from 'react';
import { loadCompareData } from '../../../state/compareSlices';
import { siteFetchJson } from '../../../state/siteFetch';
import { twinReadings, type TwinReading } from '../../../state/twinReadings';

type Loaded = { readings: TwinReading[] } | { message: string };

/**
 * What the shipped slices show, each no-skip net against its twin with skips: worded from the
 * files as they load (state/twinReadings), so the lesson never states a number the data has
 * since changed.
 */
export function TwinFacts() {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    let live = true;
    void loadCompareData(siteFetchJson(new URL('./', document.baseURI).href)).then((r) => {
      if (live) setLoaded(r.data ? { readings: twinReadings(r.data) } : { message: r.message });
    });
    return () => {
      live = false;
    };
  }, []);
  return (
    <div className="lesson-facts" data-twin-facts={loaded ? 'loaded' : 'loading'}>
      <p>What the shipped slices show, read from their numbers:</p>
      {!loaded ? (
        <p>Loading the shipped slices…</p>
      ) : 'message' in loaded ? (
        <p>{loaded.message}</p>
      ) : loaded.readings.length === 0 ? (
        <p>No depth has both slices shipped.</p>
      ) : (
        <ul>
          {loaded.readings.map((r) => (
            <li key={r.model} data-model={r.model}>
              <strong>{r.label}.</strong> {r.sentences.join(' ')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
