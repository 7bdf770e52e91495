/**
 * Most shares one order may take from a bar: floor(participation x volume). The epsilon absorbs binary
 * noise such as 0.29 x 100 = 28.999999999999996, which would otherwise cost a share.
 */
export function participationCap(maxVolumeParticipation: number, barVolume: number): number {
  if (!(barVolume > 0)) return 0;
  return Math.floor(maxVolumeParticipation * barVolume + 1e-9);
}

/**
 * The largest quantity up to `wanted` whose total cost fits in `cash`. `costOf` must not decrease as
 * the quantity grows (price x quantity plus a commission that does not fall with trade value).
 */
export function affordableQuantity(wanted: number, cash: number, costOf: (quantity: number) => number): number {
  if (costOf(wanted) <= cash) return wanted;
  let fits = 0;
  let fails = wanted;
  while (fails - fits > 1) {
    const middle = Math.floor((fits + fails) / 2);
    if (costOf(middle) <= cash) fits = middle;
    else fails = middle;
  }
  return fits;
}
