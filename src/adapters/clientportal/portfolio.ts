import type { Logger } from 'pino';
import { BrokerError } from '../../domain/errors/broker-error.js';
import type { AccountSummary, BrokerPosition } from '../../domain/ports/broker.port.js';
import type { GatewayClient } from './gateway-client.js';
import { toAccountSummary, toPosition } from './mappers/portfolio.mapper.js';
import { Located } from './parse.js';
import { ignoredBody } from './schemas/common.schema.js';
import { accountSummarySchema, positionsPageSchema, type PositionRow } from './schemas/portfolio.schema.js';

/** Rows per page of `/portfolio/{accountId}/positions/{page}`; a shorter page is the last. */
export const POSITIONS_PAGE_SIZE = 100;
/** A bound on paging, in case a gateway keeps answering full pages. */
const MAX_POSITION_PAGES = 50;

/** Positions and balances of one account. */
export class Portfolio {
  constructor(
    private readonly client: GatewayClient,
    private readonly accountId: string,
    private readonly logger: Logger,
  ) {}

  /** Long stock positions, read fresh: the server-side cache is invalidated first. */
  async positions(): Promise<BrokerPosition[]> {
    await this.client.post(`/portfolio/${this.accountId}/positions/invalidate`, undefined, ignoredBody, {
      idempotent: true,
    });
    const positions: BrokerPosition[] = [];
    for (let page = 0; page < MAX_POSITION_PAGES; page += 1) {
      const path = `/portfolio/${this.accountId}/positions/${page}`;
      const rows = await this.client.get(path, positionsPageSchema);
      const where = Located.root(`GET ${path}`);
      rows.forEach((row, index) => {
        if (this.isHeldStock(row)) positions.push(toPosition(row, where.at(index)));
      });
      if (rows.length < POSITIONS_PAGE_SIZE) return positions;
    }
    throw new BrokerError('positions', `more than ${MAX_POSITION_PAGES} pages of positions`);
  }

  async summary(): Promise<AccountSummary> {
    const path = `/portfolio/${this.accountId}/summary`;
    const body = await this.client.get(path, accountSummarySchema);
    return toAccountSummary(this.accountId, body, Located.root(`GET ${path}`));
  }

  /** Flat rows and other asset classes are skipped; a short stock position cannot be represented. */
  private isHeldStock(row: PositionRow): boolean {
    if (row.assetClass !== undefined && row.assetClass !== null && row.assetClass !== 'STK') {
      this.logger.warn({ conid: row.conid, assetClass: row.assetClass }, 'ignoring a non-stock position');
      return false;
    }
    const raw = typeof row.position === 'number' ? row.position : Number(row.position.replaceAll(',', ''));
    if (raw === 0) return false;
    if (raw < 0) {
      throw new BrokerError('positions', `short position of ${-raw} in conid ${row.conid}; Skim trades long only`);
    }
    return true;
  }
}
