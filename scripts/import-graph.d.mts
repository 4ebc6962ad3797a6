/** Declarations of import-graph.mjs, for the test that reads it. */
export type Graph = Map<string, string[]>;
export function importGraph(dirs?: string[], opts?: { eager?: boolean }): Graph;
export function cycles(graph: Graph): string[][];
export function folderGraph(graph: Graph): Map<string, Map<string, string>>;
export function reachable(graph: Graph, start: string): Set<string>;
