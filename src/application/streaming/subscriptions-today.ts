import type { Repository } from '../../domain/ports/repository.port.js';
import type { Instrument } from '../../domain/values/instrument.js';
import type { LocalDate } from '../../domain/values/time.js';
import type { InstrumentDirectory } from '../shared/instrument-directory.js';

/** The instruments to stream today, by conid: every candidate still in play (entered ones become positions) and every held position. */
export async function subscriptionsToday(
  repository: Repository,
  instruments: InstrumentDirectory,
  today: LocalDate,
): Promise<Map<number, Instrument>> {
  const wanted = new Map<number, Instrument>();
  for (const position of repository.positions.withStatus(['open', 'half_exited'])) {
    wanted.set(position.instrument.conid, position.instrument);
  }
  for (const candidate of repository.candidates.forDate(today, ['watching', 'triggered', 'entered'])) {
    const instrument = await instruments.resolve(candidate.symbol);
    wanted.set(instrument.conid, instrument);
  }
  return wanted;
}
