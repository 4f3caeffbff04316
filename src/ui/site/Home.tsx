import { useEffect, useState } from 'react';
import { lookQuery, withLook, type SiteLook } from '../../io/siteLook';
import { LargeTypeButton, ThemeButton } from '../controls/LookButtons';
import { useDocumentLook } from '../hooks/useDocumentLook';
import { LESSONS } from '../lessons/registry';
import type { LessonRecord } from '../lessons/types';
import { SiteNav } from './SiteNav';
import './home.css';

/** Each lesson's and playground's picture: `public/thumbs/<id>.webp` (scripts/screenshot-site.ts). */
export const thumbnailOf = (id: string) => `thumbs/${id}.webp`;

const PLAYGROUNDS = [
  {
    id: 'race',
    href: './race.html',
    title: 'Optimizer race',
    promise:
      'Race any of torch.optim’s update rules on analytic surfaces: every hyperparameter, schedule and batch size, in a link you can share.',
  },
  {
    id: 'landscape',
    href: './landscape.html',
    title: 'Loss landscapes',
    promise:
      'Slices through ResNet weight space, with and without skip connections, and a small network to train yourself.',
  },
  {
    id: 'map',
    href: './map.html',
    title: 'Trainability maps',
    promise:
      'Thousands of training runs at once, one per pair of hyperparameters: see which converge, which blow up, and zoom into the ragged edge between them.',
  },
] as const;

/**
 * The home page: a table of contents. What the site is for, the lessons in course order (a
 * planned one shows what it waits for, without a link), the playgrounds, and where embedding
 * starts. Its link holds only the look (`theme`, `large`), which its links carry on.
 */
export function Home({ initialLook }: { initialLook: SiteLook }) {
  const [look, setLook] = useState(initialLook);
  useDocumentLook(look);
  useEffect(() => {
    const here = `${window.location.pathname}${lookQuery(look)}${window.location.hash}`;
    window.history.replaceState(null, '', here);
  }, [look]);
  return (
    <div className="app home">
      <header className="app-header">
        <SiteNav current="home" look={look} />
        <div className="header-tools" role="group" aria-label="Display">
          <ThemeButton theme={look.theme} onChange={(theme) => setLook({ ...look, theme })} />
          <LargeTypeButton large={look.large} onChange={(large) => setLook({ ...look, large })} />
        </div>
      </header>
      <main>
        <h1 className="home-title">Loss Landscape Lab</h1>
        <p className="home-lede">
          How do neural-network optimizers find their way down a loss surface? Short lessons that
          follow the lectures, each with live figures you can play, and three playgrounds to go
          further. Project it in class (dark theme and large type are one click away), work through
          it alone at your own pace, or put a single live figure into your lecture slides.
        </p>
        <section id="lessons" aria-labelledby="lessons-heading">
          <h2 id="lessons-heading">Lessons</h2>
          <ol className="home-grid home-lessons">
            {LESSONS.map((lesson) => (
              <LessonEntry key={lesson.id} lesson={lesson} look={look} />
            ))}
          </ol>
        </section>
        <section aria-labelledby="playgrounds-heading">
          <h2 id="playgrounds-heading">Playgrounds</h2>
          <ul className="home-grid home-playgrounds">
            {PLAYGROUNDS.map((p) => (
              <li key={p.id} className="home-card is-ready">
                <img src={thumbnailOf(p.id)} alt="" width={320} height={200} loading="lazy" />
                <h3>
                  <a href={withLook(p.href, look)}>{p.title}</a>
                </h3>
                <p>{p.promise}</p>
              </li>
            ))}
          </ul>
        </section>
        <section className="home-embed" aria-labelledby="embed-heading">
          <h2 id="embed-heading">Embed a figure in your slides</h2>
          <p>
            Every playground and lesson figure has a <strong>Share / Embed</strong> button: it
            builds the link and an <code>&lt;iframe&gt;</code> for your slides, with its size, which
            controls show, theme and type size. A slide can also drive the figure (play, pause, set
            the learning rate) by messages. For example,{' '}
            <a href={withLook('./embed.html?widget=race&controls=compact', look)}>
              the race as a widget
            </a>
            ; every parameter and message is listed in <code>docs/EMBED.md</code> in the repository.
          </p>
        </section>
      </main>
    </div>
  );
}

function LessonEntry({ lesson, look }: { lesson: LessonRecord; look: SiteLook }) {
  const ready = lesson.status === 'ready';
  return (
    <li className={`home-card ${ready ? 'is-ready' : 'is-planned'}`} data-lesson={lesson.id}>
      <img src={thumbnailOf(lesson.id)} alt="" width={320} height={200} loading="lazy" />
      <h3>
        <span className="home-number">{lesson.number}.</span>{' '}
        {ready ? (
          <a href={withLook(`./lesson.html?id=${encodeURIComponent(lesson.id)}`, look)}>
            {lesson.title}
          </a>
        ) : (
          lesson.title
        )}
      </h3>
      <p>{lesson.promise}</p>
      {!ready && (
        <p className="home-coming">Coming soon{lesson.waitsFor ? `: ${lesson.waitsFor}` : ''}</p>
      )}
    </li>
  );
}
