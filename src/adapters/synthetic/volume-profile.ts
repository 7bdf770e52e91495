/**
 * The U-shaped intraday volume of an equity session: heavy in the first minutes after the open, quiet at
 * midday, rising again into the close. `weight(i)` is minute i's share of the session's volume.
 */
export class VolumeProfile {
  private readonly total: number;

  constructor(private readonly minutes: number) {
    let total = 0;
    for (let i = 0; i < minutes; i++) total += this.shape(i);
    this.total = total;
  }

  weight(minute: number): number {
    return this.shape(minute) / this.total;
  }

  private shape(minute: number): number {
    const fromOpen = minute;
    const toClose = this.minutes - 1 - minute;
    return 1 + 3 * Math.exp(-fromOpen / 12) + 1.5 * Math.exp(-toClose / 15);
  }
}
