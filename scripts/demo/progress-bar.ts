const WIDTH = 30;

/**
 * A plain-text progress bar on stderr: redrawn in place on a terminal, one line per 10 % when
 * stderr is a file or a pipe (so CI logs stay short).
 */
export class ProgressBar {
  private lastDecile = -1;

  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  update(done: number): void {
    const ratio = this.total === 0 ? 1 : Math.min(1, done / this.total);
    const filled = Math.round(ratio * WIDTH);
    const bar = `${"#".repeat(filled)}${".".repeat(WIDTH - filled)}`;
    const line = `[${bar}] ${done}/${this.total} traces`;

    if (this.stream.isTTY) {
      this.stream.write(`\r${line}`);
      return;
    }
    const decile = Math.floor(ratio * 10);
    if (decile === this.lastDecile) return;
    this.lastDecile = decile;
    this.stream.write(`${line}\n`);
  }

  finish(): void {
    if (this.stream.isTTY) this.stream.write("\n");
  }
}
