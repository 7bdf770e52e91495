import type { Container } from 'inversify';

/** A service identifier that remembers the type it resolves to, so `resolve` needs no casts at call sites. */
export type Token<T> = symbol & { readonly __resolves?: T };

export const token = <T>(description: string): Token<T> => Symbol.for(`skim.${description}`);

export function resolve<T>(container: Container, id: Token<T>): T {
  return container.get<T>(id);
}
