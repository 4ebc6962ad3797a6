/**
 * The vendor's own examples (seeds 002 and 003, after the evident fixes each fixture lists) validated
 * against the MplusKASSA schemas, plus the consistency of the event catalogue (schemas/mplus/events.json)
 * with the request and reply schemas, and the house rules every mplus schema file follows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { registry, SCHEMA_BASE, type JsonSchema, type SchemaIssue } from '../src/schema/registry.js';
import { schemasDir } from '../src/paths.js';

interface Fixture {
  schema: string;
  source: string;
  fixes: string[];
  /** `invalid`: a seed example that deliberately does not match the reference (see `why`). */
  expect?: 'invalid';
  why?: string;
  /** Substrings that must each occur in some issue message of an `invalid` fixture. */
  expectedIssues?: string[];
  note?: string;
  value: unknown;
}

interface EventEntry {
  description: string;
  source: string;
  session: 'required' | 'absent';
  sessionEnds: boolean;
  requestObjects: string[];
  optionalRequestObjects: string[];
  replyObjects: string[];
  blocking: 'optional' | 'always' | 'never';
  polling: 'optional' | 'always' | 'never';
  budgetMs: number;
  class: 'interactive' | 'long-poll' | 'background' | 'courtesy' | 'notification';
  $comment: string;
}

const fixturesDir = fileURLToPath(new URL('./fixtures/mplus/', import.meta.url));
const mplusDir = join(schemasDir, 'mplus');
const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;
const show = (issues: SchemaIssue[]): string => issues.map((i) => `  ${i.message}   [${i.schemaPath}]`).join('\n');

const fixtures = readdirSync(fixturesDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ name: f.replace(/\.json$/, ''), fixture: readJson<Fixture>(join(fixturesDir, f)) }));

describe('seed examples validate against the mplus schemas', () => {
  it('has the fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(45);
  });

  for (const { name, fixture } of fixtures) {
    if (fixture.expect === 'invalid') {
      it(`${name} is rejected as documented (${fixture.schema})`, () => {
        const issues = registry().validate(fixture.schema, fixture.value);
        expect(issues.length, `${fixture.source}: expected issues, got none`).toBeGreaterThan(0);
        for (const wanted of fixture.expectedIssues ?? []) {
          expect(
            issues.some((i) => i.message.includes(wanted)),
            `${fixture.source}: no issue contains "${wanted}"; issues:\n${show(issues)}`,
          ).toBe(true);
        }
      });
      continue;
    }
    it(`${name} (${fixture.schema})`, () => {
      const issues = registry().validate(fixture.schema, fixture.value);
      expect(issues, `${fixture.source}; fixes: ${fixture.fixes.join('; ') || 'none'}\n${show(issues)}`).toEqual([]);
    });
    const reply = /^mplus\/reply\/(\w+)\.schema\.json$/.exec(fixture.schema);
    if (reply) {
      it(`${name} as a whole reply {${reply[1]}: …} (mplus/reply.schema.json)`, () => {
        const issues = registry().validate('mplus/reply.schema.json', { [reply[1]]: fixture.value });
        expect(issues, show(issues)).toEqual([]);
      });
    }
  }
});

describe('the mplus schema files', () => {
  const files = (function list(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? list(join(dir, e.name)) : e.name.endsWith('.schema.json') ? [join(dir, e.name)] : [],
    );
  })(mplusDir);

  const ALLOWED = new Set([
    '$schema', '$id', '$ref', '$defs', '$comment', 'title', 'description', 'examples', 'default', 'type', 'properties',
    'required', 'additionalProperties', 'enum', 'const', 'items', 'minItems', 'maxItems', 'uniqueItems', 'minimum',
    'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minLength', 'maxLength', 'pattern', 'format', 'oneOf', 'anyOf',
  ]);
  const FORMATS = new Set(['uuid', 'date-time', 'date', 'time', 'email', 'uri']);

  /** Every keyword and format used anywhere in a schema, with its JSON pointer. */
  function walk(node: unknown, at: string, out: string[]): void {
    if (typeof node === 'boolean') return;
    if (!node || typeof node !== 'object' || Array.isArray(node)) {
      out.push(`${at}: not a schema`);
      return;
    }
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (!ALLOWED.has(key)) out.push(`${at}: keyword ${key}`);
      if (key === 'format' && !FORMATS.has(value as string)) out.push(`${at}: format ${String(value)}`);
      if (key === 'properties' || key === '$defs') {
        for (const [k, sub] of Object.entries(value as Record<string, unknown>)) walk(sub, `${at}/${key}/${k}`, out);
      } else if (key === 'items' || key === 'additionalProperties') {
        walk(value, `${at}/${key}`, out);
      } else if (key === 'oneOf' || key === 'anyOf') {
        (value as unknown[]).forEach((sub, i) => walk(sub, `${at}/${key}/${i}`, out));
      }
    }
  }

  it('are all loaded by the registry', () => {
    for (const file of files) expect(registry().schemas.has(SCHEMA_BASE + relative(schemasDir, file))).toBe(true);
  });

  for (const file of files) {
    const path = relative(schemasDir, file);
    it(`${path}: $id, header and the generator's keyword set`, () => {
      const schema = readJson<JsonSchema>(file);
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.$id).toBe(SCHEMA_BASE + path);
      expect(typeof schema.title).toBe('string');
      expect(typeof schema.description).toBe('string');
      const problems: string[] = [];
      walk(schema, '#', problems);
      expect(problems).toEqual([]);
      expect(() => registry().validator(path)).not.toThrow();
    });
  }

  it('request.schema.json and reply.schema.json reference every object file of their folder', () => {
    for (const [whole, folder] of [['mplus/request.schema.json', 'request'], ['mplus/reply.schema.json', 'reply']] as const) {
      const text = JSON.stringify(registry().get(whole));
      for (const f of readdirSync(join(mplusDir, folder))) expect(text, `${whole} misses ${folder}/${f}`).toContain(`"${folder}/${f}"`);
    }
  });
});

describe('the event catalogue (schemas/mplus/events.json)', () => {
  const catalogue = readJson<{ $schema: string; events: Record<string, EventEntry> }>(join(mplusDir, 'events.json'));
  const events = Object.entries(catalogue.events);
  const replyProps = Object.keys(registry().get('mplus/reply.schema.json').properties as object);
  const requestProps = Object.keys(registry().get('mplus/request.schema.json').properties as object);
  const allowing = (object: string) => events.filter(([, e]) => e.replyObjects.includes(object)).map(([n]) => n).sort();

  it('validates against events.schema.json', () => {
    expect(catalogue.$schema).toBe(SCHEMA_BASE + 'mplus/events.schema.json');
    const issues = registry().validate('mplus/events.schema.json', catalogue);
    expect(issues, show(issues)).toEqual([]);
  });

  it('names every event of the spec', () => {
    expect(events.map(([n]) => n).sort()).toEqual(
      [
        'startSession', 'scanCode', 'addSessionLine', 'removeSessionLine', 'pauseSession', 'resumeSession', 'startPayment',
        'cancelPayment', 'mergeSession', 'cancelSession', 'completeSession', 'startExternalPayment', 'pollExternalPayment',
        'requestCancelExternalPayment', 'cancelExternalPayment', 'creditSession', 'selectRelation', 'customAction', 'printBill',
        'backgroundPoll', 'kitchenStartCourse', 'kitchenCompleteCourse', 'kitchenServeCourse', 'updateSessionLine',
      ].sort(),
    );
  });

  it('references only reply objects of reply.schema.json and request objects of request.schema.json', () => {
    for (const [name, e] of events) {
      for (const o of e.replyObjects) expect(replyProps, `${name}.replyObjects: ${o}`).toContain(o);
      for (const o of [...e.requestObjects, ...e.optionalRequestObjects]) {
        expect(requestProps, `${name}: request object ${o}`).toContain(o);
        expect(['event', 'sender', 'session'], `${name}: ${o} is not event-specific`).not.toContain(o);
      }
      expect(e.requestObjects.filter((o) => e.optionalRequestObjects.includes(o)), `${name}: both always and optional`).toEqual([]);
    }
  });

  it('restricts the event-bound reply objects as the spec says', () => {
    expect(allowing('scanCode')).toEqual(['scanCode']);
    expect(allowing('receiptFooter')).toEqual(['completeSession']);
    expect(allowing('billFooter')).toEqual(['printBill']);
    expect(allowing('externalPayment')).toEqual(
      ['startExternalPayment', 'pollExternalPayment', 'requestCancelExternalPayment', 'cancelExternalPayment'].sort(),
    );
    for (const [name, e] of events) {
      expect(e.replyObjects.includes('polling'), `${name}: polling reply iff the event can be polling`).toBe(e.polling !== 'never');
      expect(e.replyObjects, `${name}: error is always allowed`).toContain('error');
    }
  });

  it('keeps session-bound reply objects away from ended and session-less events', () => {
    const bound = ['lineChanges', 'lineAdditions', 'lineDeletions', 'lockSession', 'lockSessionForAdditions'];
    for (const [name, e] of events) {
      if (e.sessionEnds || e.session === 'absent') {
        expect(e.replyObjects.filter((o) => bound.includes(o)), name).toEqual([]);
      }
    }
    expect(events.filter(([, e]) => e.sessionEnds).map(([n]) => n).sort()).toEqual(
      ['cancelSession', 'completeSession', 'creditSession', 'mergeSession'],
    );
  });

  it('gets backgroundPoll and the external payment family right', () => {
    const bg = catalogue.events.backgroundPoll;
    expect([bg.session, bg.blocking, bg.polling, bg.class]).toEqual(['absent', 'always', 'always', 'background']);
    const poll = catalogue.events.pollExternalPayment;
    expect([poll.class, poll.budgetMs, poll.blocking]).toEqual(['long-poll', 60000, 'always']);
    for (const n of ['startExternalPayment', 'pollExternalPayment', 'requestCancelExternalPayment', 'cancelExternalPayment']) {
      expect(catalogue.events[n].polling, n).toBe('never');
      expect(catalogue.events[n].requestObjects, n).toEqual(['externalPayment']);
    }
    for (const n of ['kitchenStartCourse', 'kitchenCompleteCourse', 'kitchenServeCourse']) {
      expect(catalogue.events[n].requestObjects, n).toEqual(['course']);
    }
  });

  it('lists every event-specific request object under some event', () => {
    const used = new Set(events.flatMap(([, e]) => [...e.requestObjects, ...e.optionalRequestObjects]));
    const circumstantial = ['event', 'sender', 'session', 'dialog', 'form', 'openUrl'];
    expect(requestProps.filter((p) => !circumstantial.includes(p) && !used.has(p))).toEqual([]);
  });
});
