import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { lessonById } from './ui/lessons/registry';
import './ui/styles.css';

const id = new URLSearchParams(window.location.search).get('id') ?? '';
const lesson = lessonById(id);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <main className="app">
      <h1>{lesson ? lesson.title : 'No such lesson'}</h1>
      <p>
        <a href="./">All lessons</a>
      </p>
    </main>
  </StrictMode>,
);
