import { z } from 'zod';

/** `/iserver/accounts`: the accounts the brokerage session may trade. */
export const iserverAccountsSchema = z.object({
  accounts: z.array(z.string()),
  selectedAccount: z.string().optional(),
  isPaper: z.boolean().optional(),
});

/** `/portfolio/accounts`. */
export const portfolioAccountsSchema = z.array(
  z.object({
    id: z.string(),
    accountId: z.string().optional(),
    currency: z.string().optional(),
    type: z.string().optional(),
    displayName: z.string().optional(),
  }),
);

export type PortfolioAccount = z.output<typeof portfolioAccountsSchema>[number];
