import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { HookcertError, HookcertErrorCode } from '../errors.js';

/** The JSON Schema of one event type's `data`, as the integrator gave it. */
export type EventTypeSchema = Record<string, unknown>;

/**
 * `eventTypes` of the config file (standard-webhooks): the integrator's own event types and the JSON Schema of
 * each one's `data`, so that hookcert certifies *their* events. Either a folder of `<type>.schema.json` files,
 * or an object of type → a schema object or the path of a schema file. Paths are relative to the config file.
 *
 * @throws {@link HookcertError} (`CONFIG`) for a folder or file that cannot be read, a file that is not a JSON
 *   object, or a type name the standard would not send (not full-stop delimited words).
 */
export function readEventTypes(given: string | Record<string, string | object | undefined>, configPath: string | undefined): Record<string, EventTypeSchema> {
  const base = configPath ? dirname(resolve(configPath)) : process.cwd();
  const out: Record<string, EventTypeSchema> = {};
  if (typeof given === 'string') {
    const dir = resolve(base, given);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw config(`eventTypes: ${given} is not a folder (a folder of <type>.schema.json files, relative to the config file)`);
    const files = readdirSync(dir).filter((f) => f.endsWith('.schema.json')).sort();
    if (files.length === 0) throw config(`eventTypes: the folder ${given} holds no <type>.schema.json file`);
    for (const f of files) out[f.slice(0, -'.schema.json'.length)] = readSchema(join(dir, f), `eventTypes: ${join(given, f)}`);
  } else {
    for (const [type, schema] of Object.entries(given)) {
      if (schema === undefined) continue;
      out[type] = typeof schema === 'string' ? readSchema(resolve(base, schema), `eventTypes.${type}: ${schema}`) : (schema as EventTypeSchema);
    }
  }
  for (const type of Object.keys(out))
    if (!TYPE_NAME.test(type)) throw config(`eventTypes: "${type}" is not an event type name (full-stop delimited words such as invoice.paid)`);
  return out;
}

/** What the standard's `type` looks like: full-stop delimited words. */
const TYPE_NAME = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;

function readSchema(path: string, where: string): EventTypeSchema {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw config(`${where}: ${err instanceof SyntaxError ? 'not valid JSON' : 'cannot be read'}`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw config(`${where}: a JSON Schema is a JSON object`);
  return value as EventTypeSchema;
}

const config = (message: string) => new HookcertError(HookcertErrorCode.CONFIG, message);
