import { ANIMATION_MS, HOLD_LAST_MS, nextFrame, type AnimationJob } from './animation';
import type { RaceFrames } from './raceFrames';

/** The WebM types to try, best first; null where this browser cannot record any of them. */
export function webmType(): string | null {
  if (typeof MediaRecorder === 'undefined' || !('captureStream' in HTMLCanvasElement.prototype))
    return null;
  const types = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'];
  return types.find((t) => MediaRecorder.isTypeSupported(t)) ?? null;
}

/** Said in the menu where `webmType()` is null. */
export const NO_WEBM =
  'This browser cannot record WebM video (no MediaRecorder for WebM); the GIF works everywhere.';

/**
 * The race as a WebM video: MediaRecorder records the frames canvas while each frame is drawn
 * and pushed to the stream, in real time (the recorder stamps frames by the clock), so a video
 * takes as long to make as it plays: about 6 s, and the last frame held 1.5 s.
 */
export async function raceWebm(
  frames: RaceFrames,
  steps: readonly number[],
  job: AnimationJob,
): Promise<Blob> {
  const type = webmType();
  if (!type) throw new Error(NO_WEBM);
  const stream = frames.canvas.captureStream(0);
  const track = stream.getVideoTracks()[0] as CanvasCaptureMediaStreamTrack;
  const recorder = new MediaRecorder(stream, { mimeType: type });
  const chunks: Blob[] = [];
  recorder.ondataavailable = (e) => {
    if (e.data.size) chunks.push(e.data);
  };
  const stopped = new Promise<void>((resolve) => (recorder.onstop = () => resolve()));
  const frameMs = Math.max(20, Math.round(ANIMATION_MS / steps.length));
  frames.draw(steps[0]);
  recorder.start();
  try {
    for (let i = 0; i < steps.length; i++) {
      frames.draw(steps[i]);
      track.requestFrame();
      job.onProgress(i + 1, steps.length);
      await nextFrame(job.signal, i === steps.length - 1 ? HOLD_LAST_MS : frameMs);
    }
  } finally {
    recorder.stop();
    await stopped;
    stream.getTracks().forEach((t) => t.stop());
  }
  return new Blob(chunks, { type: 'video/webm' });
}
