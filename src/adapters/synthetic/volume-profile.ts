/**
 * The U-shaped intraday volume of an equity session: heavy in the first minutes after the open, quiet at
 * midday, rising again into the close. `weight(i)` is minute i's share of the session's volume. The shares
 * are worked out once, so one profile can serve every session of its length.
 */
export class VolumeProfile {
  private readonly weights: Float64Array;

  constructor(readonly minutes: number) {
    const shapes = new Float64Array(minutes);
    let total = 0;
    for (let i = 0; i < minutes; i++) {
      shapes[i] = shape(i, minutes);
      total += shapes[i] ?? 0;
    }
    this.weights = shapes.map((value) => value / total);
  }

  weight(minute: number): number {
    return this.weights[minute] ?? 0;
  }
}

function shape(minute: number, minutes: number): number {
  const fromOpen = minute;
  const toClose = minutes - 1 - minute;
  return 1 + 3 * Math.exp(-fromOpen / 12) + 1.5 * Math.exp(-toClose / 15);
}
