import { gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';

/** One file of an archive: its path (forward slashes) and bytes. */
export interface TarEntry {
  path: string;
  data: Buffer;
}

/**
 * A gzip-compressed tar archive of `entries` (tar-stream: ustar headers, a pax header for a path ustar cannot
 * hold), every file mode 0644, owner `hookcert` (uid/gid 0) and dated `mtime` (seconds since the epoch): the same
 * entries give the same bytes. Readable by `tar xzf`.
 */
export async function tarGz(entries: readonly TarEntry[], mtime: number): Promise<Buffer> {
  const archive = pack();
  const date = new Date(Math.floor(mtime) * 1000);
  for (const e of entries) archive.entry({ name: e.path, mode: 0o644, uid: 0, gid: 0, uname: 'hookcert', gname: 'hookcert', mtime: date }, e.data);
  archive.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of archive) chunks.push(chunk as Buffer);
  return gzipSync(Buffer.concat(chunks), { level: 9 });
}
