/** Where a command reads and writes: the process, or a test's buffers. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  /** The terminal's width, when there is one. */
  columns?: number;
  cwd: string;
}

/**
 * A process stream that stops writing, quietly, once its reader has gone (`hookcert list | head`: EPIPE). The
 * command goes on (a run still writes its report files); only what nobody reads any more is dropped.
 */
function closable(stream: NodeJS.WriteStream): (text: string) => void {
  let gone = false;
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    gone = true;
  });
  return (text) => {
    if (!gone) stream.write(text);
  };
}

/** The real process. */
export const processIo: Io = {
  stdout: closable(process.stdout),
  stderr: closable(process.stderr),
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY),
  get columns() {
    return process.stdout.columns;
  },
  cwd: process.cwd(),
};
