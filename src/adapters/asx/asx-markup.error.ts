import { DomainError } from '../../domain/errors/domain-error.js';

/** An ASX announcements page whose markup is not the table Skim knows how to read. */
export class AsxMarkupError extends DomainError {
  readonly code = 'ASX_MARKUP';

  constructor(
    /** Which page: "todayAnns.do", "prevBusDayAnns.do". */
    readonly page: string,
    readonly detail: string,
    /** 1-based number of the announcement row at fault (header rows not counted). */
    readonly row?: number,
  ) {
    super(`ASX announcements page ${page}: ${row === undefined ? '' : `announcement row ${row}: `}${detail}`);
  }
}
