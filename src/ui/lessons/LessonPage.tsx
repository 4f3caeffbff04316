import { lazy, Suspense, useEffect, useMemo } from 'react';
import { echo } from '../../io/queryParams';
import type { SiteLook } from '../../io/siteLook';
import { useDocumentLook } from '../hooks/useDocumentLook';
import { SiteNav } from '../site/SiteNav';
import { UrlErrors } from '../UrlErrors';
import { LESSONS, lessonById } from './registry';
import { lessonHref, type LessonLink } from './lessonLink';
import { LessonLookContext } from './lessonLook';
import type { LessonRecord } from './types';
import './lesson.css';

const heading = (l: LessonRecord) => `Lesson ${l.number} · ${l.title}`;

/** The course as a list: ready lessons as links, the others marked as coming. */
function LessonList({ look }: { look: SiteLook }) {
  return (
    <ol className="lesson-list">
      {LESSONS.map((l) => (
        <li key={l.id} value={l.number}>
          {l.status === 'ready' ? (
            <a href={lessonHref(l.id, look)}>{l.title}</a>
          ) : (
            <span>
              {l.title} <span className="lesson-coming">(coming)</span>
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}

/** Previous and next lessons in course order. */
function LessonPager({ lesson, look }: { lesson: LessonRecord; look: SiteLook }) {
  const i = LESSONS.indexOf(lesson);
  const prev = LESSONS[i - 1];
  const next = LESSONS[i + 1];
  return (
    <nav className="lesson-pager" aria-label="Lessons">
      {prev && (
        <a href={lessonHref(prev.id, look)} rel="prev">
          ← {heading(prev)}
        </a>
      )}
      {next && (
        <a href={lessonHref(next.id, look)} rel="next">
          {heading(next)} →
        </a>
      )}
    </nav>
  );
}

/** The body, loaded on this page only (records are shared with the home page and widgets). */
function LessonBody({ lesson }: { lesson: LessonRecord }) {
  const Body = useMemo(() => (lesson.body ? lazy(lesson.body) : null), [lesson]);
  if (!Body)
    return (
      <p role="status">
        This lesson is not ready yet{lesson.waitsFor ? ` (${lesson.waitsFor})` : ''}.
      </p>
    );
  return (
    <Suspense fallback={<p role="status">Loading the lesson…</p>}>
      <Body />
    </Suspense>
  );
}

/**
 * `lesson.html?id=…`: the site nav, the lesson's title and body (its figures live in the body,
 * each a `LessonFigureFrame`), and the previous / next lessons. An unknown or missing id is
 * named, as text, above the list of lessons.
 */
export function LessonPage({ link }: { link: LessonLink }) {
  const look: SiteLook = { theme: link.theme, large: link.large };
  const lesson = link.id === null ? undefined : lessonById(link.id);
  useDocumentLook(look);
  useEffect(() => {
    document.title = `${lesson ? heading(lesson) : 'Lessons'} · Loss Landscape Lab`;
  }, [lesson]);
  return (
    <LessonLookContext.Provider value={look}>
      <div className="lesson-page">
        <header className="lesson-header">
          <SiteNav current="lesson" look={look} />
        </header>
        <UrlErrors messages={link.errors} />
        <main className="lesson">
          {lesson ? (
            <>
              <h1>{heading(lesson)}</h1>
              <p className="lesson-promise">{lesson.promise}</p>
              <LessonBody lesson={lesson} />
              <LessonPager lesson={lesson} look={look} />
            </>
          ) : (
            <>
              <h1>No such lesson</h1>
              <p className="lesson-missing" role="alert">
                {link.id === null || link.id === ''
                  ? 'This link names no lesson (it needs ?id=…).'
                  : `There is no lesson “${echo(link.id)}”.`}{' '}
                These are the lessons:
              </p>
              <LessonList look={look} />
            </>
          )}
        </main>
      </div>
    </LessonLookContext.Provider>
  );
}
