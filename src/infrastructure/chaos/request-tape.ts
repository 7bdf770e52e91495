import type { RequestRecord } from '../../adapters/gateway-sim/http/request-pipeline.js';

/**
 * Every request the simulator answered, in order. The simulator keeps only its latest thousand, so the tape
 * copies the new ones at every replay step, finding where it left off by the identity of the last record.
 */
export class RequestTape {
  private readonly records: RequestRecord[] = [];

  constructor(private readonly source: () => readonly RequestRecord[]) {}

  catchUp(): void {
    const latest = this.source();
    const last = this.records.at(-1);
    const from = last === undefined ? 0 : latest.lastIndexOf(last) + 1;
    for (let index = from; index < latest.length; index += 1) {
      const record = latest[index];
      if (record !== undefined) this.records.push(record);
    }
  }

  all(): readonly RequestRecord[] {
    this.catchUp();
    return this.records;
  }
}
