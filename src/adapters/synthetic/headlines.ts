/** Headlines the synthetic market gives its announcements; the words only have to look like the ASX's. */
export const PRICE_SENSITIVE_HEADLINES = [
  'Quarterly Activities Report',
  'Drilling Results Confirm High-Grade Extension',
  'Binding Offtake Agreement Signed',
  'Record Half-Year Revenue',
  'Trading Update and Upgraded Guidance',
  'Maiden Mineral Resource Estimate',
  'Regulatory Approval Received',
  'Strategic Acquisition and Capital Raising',
  'Reinstatement to Official Quotation',
] as const;

export const ROUTINE_HEADLINES = [
  "Appendix 3Y - Change of Director's Interest Notice",
  'Notice of Annual General Meeting',
  'Becoming a Substantial Holder',
  'Investor Presentation',
  'Application for Quotation of Securities',
] as const;
