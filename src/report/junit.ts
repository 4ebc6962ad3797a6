import type { CheckResult } from '../runner/types.js';
import type { FileReporter } from './reporter.js';

/** Escapes text for XML content and attributes; drops characters XML 1.0 cannot carry. */
export function xml(text: string): string {
  return text
    .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function testcase(r: CheckResult): string {
  const head = `    <testcase classname="hookcert.${r.profile}.${r.area}" name="${xml(`${r.id} ${r.title}`)}" time="${(r.durationMs / 1000).toFixed(3)}"`;
  const lines = [r.failure?.message, r.failure?.expected && `expected: ${r.failure.expected}`, r.failure?.received && `received: ${r.failure.received}`, ...r.warnings, `replay: ${r.replay}`]
    .filter(Boolean)
    .join('\n');
  switch (r.status) {
    case 'pass':
      return `${head}/>`;
    case 'skip':
      return `${head}>\n      <skipped message="${xml(r.reason ?? '')}"/>\n    </testcase>`;
    case 'error':
      return `${head}>\n      <error message="${xml(r.reason ?? 'error')}">${xml(`${r.reason}\nreplay: ${r.replay}`)}</error>\n    </testcase>`;
    case 'fail':
      return `${head}>\n      <failure message="${xml(r.failure?.message ?? 'failed')}" type="${r.level}">${xml(lines)}</failure>\n    </testcase>`;
    case 'warn':
      return `${head}>\n      <system-out>${xml(`WARN (${r.level}): ${lines}`)}</system-out>\n    </testcase>`;
  }
}

/** `junit.xml`: one testcase per check; failures carry the message and the replay command. */
export const junitReporter: FileReporter = {
  file: 'junit.xml',
  render(results) {
    const s = results.summary;
    return [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<testsuites name="hookcert" tests="${s.total}" failures="${s.fail}" errors="${s.error}" skipped="${s.skip}" time="${(results.durationMs / 1000).toFixed(3)}">`,
      `  <testsuite name="hookcert ${results.profile} ${xml(results.target.url)}" tests="${s.total}" failures="${s.fail}" errors="${s.error}" skipped="${s.skip}" timestamp="${results.startedAt}">`,
      `    <properties><property name="seed" value="${results.seed}"/><property name="verdict" value="${results.verdict}"/><property name="replay" value="${xml(results.replay)}"/></properties>`,
      ...results.checks.map(testcase),
      '  </testsuite>',
      '</testsuites>',
      '',
    ].join('\n');
  },
};
