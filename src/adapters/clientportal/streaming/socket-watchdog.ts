/**
 * Keeps one socket alive and notices when it has gone quiet: `tic` on a fixed interval, and a stall alarm
 * re-armed by every frame received. A socket that stops sending without closing (a half-open TCP link, a
 * wedged gateway) is found only this way.
 */
export class SocketWatchdog {
  private keepAlive: NodeJS.Timeout | undefined;
  private stall: NodeJS.Timeout | undefined;

  constructor(
    private readonly keepAliveMs: number,
    private readonly stallTimeoutMs: number,
    private readonly sendKeepAlive: () => void,
    private readonly stalled: () => void,
  ) {}

  start(): void {
    this.stop();
    this.keepAlive = setInterval(this.sendKeepAlive, this.keepAliveMs);
    this.keepAlive.unref();
    this.heard();
  }

  /** Something arrived: the socket is alive for another `stallTimeoutMs`. */
  heard(): void {
    if (this.stall !== undefined) clearTimeout(this.stall);
    this.stall = setTimeout(this.stalled, this.stallTimeoutMs);
    this.stall.unref();
  }

  stop(): void {
    if (this.keepAlive !== undefined) clearInterval(this.keepAlive);
    if (this.stall !== undefined) clearTimeout(this.stall);
    this.keepAlive = undefined;
    this.stall = undefined;
  }
}
