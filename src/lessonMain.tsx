import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LessonPage } from './ui/lessons/LessonPage';
import { parseLessonLink } from './ui/lessons/lessonLink';
import './ui/styles.css';

// The lesson is chosen once, by the link; its figures are iframes that run on their own.
const link = parseLessonLink(window.location.search);
for (const m of link.errors) console.warn(m);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LessonPage link={link} />
  </StrictMode>,
);
