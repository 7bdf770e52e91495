/** The Client Portal settings contradict each other or Skim's safety rules; raised at start-up. */
export class ClientPortalConfigError extends Error {
  constructor(
    readonly setting: string,
    readonly why: string,
  ) {
    super(`Client Portal setting ${setting}: ${why}`);
    this.name = 'ClientPortalConfigError';
  }
}
