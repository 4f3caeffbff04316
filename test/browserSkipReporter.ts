/**
 * A Vitest reporter that closes the run with how many browser tests were skipped for want of a
 * Chromium, and the one command that installs it: a note at the top of a long log gets lost.
 */
import type { Reporter, TestModule } from 'vitest/node';
import { INSTALL_CHROMIUM, NO_BROWSER, skipBrowser } from './e2e/browser';

export default class BrowserSkipReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    if (!skipBrowser) return;
    const browserModules = modules.filter((m) => /[/\\]test[/\\]e2e[/\\]/.test(m.moduleId));
    const skipped = browserModules.reduce(
      (n, m) => n + [...m.children.allTests('skipped')].length,
      0,
    );
    if (skipped === 0) return;
    const lines = [
      `${skipped} browser test${skipped === 1 ? '' : 's'} in ${browserModules.length} file${browserModules.length === 1 ? '' : 's'} SKIPPED: ${NO_BROWSER.split(';')[0]}.`,
      `Install Chromium and run npm test again:  ${INSTALL_CHROMIUM}`,
    ];
    const width = Math.max(...lines.map((l) => l.length));
    const bar = '!'.repeat(width + 4);
    process.stdout.write(
      `\n${bar}\n${lines.map((l) => `! ${l.padEnd(width)} !`).join('\n')}\n${bar}\n\n`,
    );
  }
}
