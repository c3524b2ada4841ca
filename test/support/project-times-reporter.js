// A jest reporter that ends a run with the time each project took: the sum of its files' run
// times (what running that project alone costs, roughly, on one worker) and its slowest test,
// which is what the project's timeout in jest.config.js is derived from.
'use strict';

class ProjectTimesReporter {
  onRunComplete(_contexts, results) {
    const projects = new Map();
    for (const file of results.testResults) {
      const name = (file.displayName && file.displayName.name) || 'default';
      const p = projects.get(name) ?? { files: 0, tests: 0, ms: 0, slowest: 0, slowestName: '' };
      p.files += 1;
      p.tests += file.numPassingTests + file.numFailingTests;
      p.ms += file.perfStats.runtime ?? file.perfStats.end - file.perfStats.start;
      for (const test of file.testResults) {
        if ((test.duration ?? 0) > p.slowest) {
          p.slowest = test.duration;
          p.slowestName = `${file.testFilePath.replace(/^.*\/test\//, 'test/')}: ${test.title}`;
        }
      }
      projects.set(name, p);
    }
    if (projects.size === 0) return;
    const wall = (Date.now() - results.startTime) / 1000;
    const lines = ['', `Time per project (file run times summed; the whole run took ${wall.toFixed(0)} s of wall clock):`];
    for (const [name, p] of [...projects].sort((a, b) => b[1].ms - a[1].ms)) {
      lines.push(`  ${name.padEnd(8)} ${String(p.files).padStart(3)} files ${String(p.tests).padStart(5)} tests ${(p.ms / 1000).toFixed(0).padStart(5)} s   slowest test ${(p.slowest / 1000).toFixed(1)} s (${p.slowestName})`);
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}

module.exports = ProjectTimesReporter;
