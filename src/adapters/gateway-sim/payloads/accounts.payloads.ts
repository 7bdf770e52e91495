/** `/iserver/accounts`: the accounts this login may trade, the selected one first. */
export function iserverAccountsBody(accountId: string, sessionId: string): Record<string, unknown> {
  return {
    accounts: [accountId],
    acctProps: {
      [accountId]: {
        hasChildAccounts: false,
        supportsCashQty: true,
        supportsFractions: false,
        allowCustomerTime: false,
        noFXConv: false,
        isProp: false,
      },
    },
    aliases: { [accountId]: accountId },
    allowFeatures: { showGFIS: true, allowFXConv: true, allowTypeAhead: true, allowEventTrading: false },
    chartPeriods: { STK: ['*'] },
    groups: [],
    profiles: [],
    selectedAccount: accountId,
    serverInfo: { serverName: 'SkimGatewaySim', serverVersion: 'Build 10.30.1, simulated' },
    sessionId,
    isFT: false,
    isPaper: accountId.startsWith('DU'),
  };
}

/** `/portfolio/accounts`: one paper (DEMO) cash account in AUD. */
export function portfolioAccountsBody(accountId: string): Record<string, unknown>[] {
  const paper = accountId.startsWith('DU');
  return [
    {
      id: accountId,
      PrepaidCrypto_Z: false,
      PrepaidCrypto_P: false,
      brokerageAccess: true,
      accountId,
      accountVan: accountId,
      accountTitle: 'Skim Simulated Trader',
      displayName: accountId,
      accountAlias: null,
      accountStatus: 1_700_000_000_000,
      currency: 'AUD',
      type: paper ? 'DEMO' : 'INDIVIDUAL',
      tradingType: 'STKCASH',
      businessType: 'IB_PROSERVE',
      ibEntity: 'IB-AU',
      faclient: false,
      clearingStatus: 'O',
      covestor: false,
      noClientTrading: false,
      trackVirtualFXPortfolio: false,
      parent: { mmc: [], accountId: '', isMParent: false, isMChild: false, isMultiplex: false },
      desc: accountId,
    },
  ];
}
