export { SchemaRegistry, registry, SCHEMA_BASE } from './schema/registry.js';
export type { JsonSchema, SchemaIssue } from './schema/registry.js';
