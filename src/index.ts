/**
 * hookcert as a library: run a certification from code (`certify`), read its results, and use the schema
 * registry. The CLI is `hookcert/cli`.
 *
 * @module
 */

// Certification
export { certify } from './api/certify.js';
export type { CertifyOptions } from './api/certify.js';

// Results (what results.json holds)
export type { RunResults, LatencyHistogram, Gate } from './runner/results.js';
export type { Area, CheckResult, CheckStatus, FailureDetail, FlowRecord, FlowStep, LatencyStats, Level, ProfileName, RunVerdict, SpecRef } from './runner/types.js';
export type { Exchange } from './http/exchange.js';

// Baselines
export { parseBaseline, applyBaseline } from './baseline/baseline.js';
export type { Baseline, BaselineEntry } from './baseline/baseline.js';

// Errors
export { HookcertError, HookcertErrorCode } from './errors.js';

// Schemas
export { SchemaRegistry, registry, SCHEMA_BASE } from './schema/registry.js';
export type { JsonSchema, SchemaIssue } from './schema/registry.js';
