import { DomainError } from '../../domain/errors/domain-error.js';

/** Replay was asked for a source whose recorded body is not in the replay folder. */
export class ReplayFileMissing extends DomainError {
  readonly code = 'REPLAY_FILE_MISSING';

  constructor(
    readonly source: string,
    readonly file: string,
  ) {
    super(`cannot replay ${source}: ${file} does not exist`);
  }
}
