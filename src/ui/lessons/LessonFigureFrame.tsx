import { useEffect, useRef, useState } from 'react';
import { lessonFigureById } from './registry';
import { figureEmbedSrc, figurePlaygroundHref } from './lessonLink';
import { resizeHeight } from './frameHeight';
import { useLessonLook } from './lessonLook';
import { widgetById } from '../embed/widgets';
import { ShareButton } from '../site/ShareDialog';
import { figureTarget } from '../site/shareTarget';

/** The figure's place on its lesson page, so a shared link opens the lesson at it. */
const figureAnchor = (id: string) => `figure-${id}`;
const figureLink = (id: string) => {
  const url = new URL(window.location.href);
  url.hash = figureAnchor(id);
  return url.href;
};

/**
 * One live figure of a lesson, by its id: the embed page in an `<iframe>` (which resolves the id
 * to its widget and state), its caption, a link to the same state on the full page, and the
 * Share / Embed dialog (a link to the figure and its `<iframe>` snippet). The frame takes its
 * height from the widget's `resize` message, read only from its own iframe, and keeps the
 * record's height until one comes.
 */
export function LessonFigureFrame({ id }: { id: string }) {
  const look = useLessonLook();
  const frame = useRef<HTMLIFrameElement>(null);
  const figure = lessonFigureById(id);
  const fallback = figure?.height ?? widgetById(figure?.widget ?? '')?.size.height ?? 480;
  const [height, setHeight] = useState<number | null>(null);
  useEffect(() => {
    const onMessage = (e: MessageEvent) => {
      // Any window may post to this one: only this figure's own frame may size it.
      if (!frame.current || e.source !== frame.current.contentWindow) return;
      const h = resizeHeight(e.data);
      if (h !== null) setHeight(h);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);
  if (!figure) return <p className="lesson-missing">No figure named “{id}”.</p>;
  const embed = figureEmbedSrc(figure, look);
  return (
    <figure className="lesson-figure" id={figureAnchor(figure.id)} data-figure={figure.id}>
      <iframe
        ref={frame}
        src={embed}
        title={figure.caption}
        height={height ?? fallback}
        loading="lazy"
      />
      <figcaption>
        {figure.caption}
        <span className="lesson-figure-links">
          <a href={figurePlaygroundHref(figure, look)}>Open in playground</a>
          <ShareButton
            theme={look.theme}
            large={look.large}
            target={() => figureTarget(figure, figureLink(figure.id))}
          />
        </span>
      </figcaption>
    </figure>
  );
}
