import type { BindToFluentSyntax, Container } from 'inversify';

/** A service identifier that remembers the type it resolves to, so binding and resolving need no casts. */
export type Token<T> = symbol & { readonly __resolves?: T };

export const token = <T>(description: string): Token<T> => Symbol.for(`skim.${description}`);

export function bind<T>(container: Container, id: Token<T>): BindToFluentSyntax<T> {
  return container.bind<T>(id);
}

export function resolve<T>(container: Container, id: Token<T>): T {
  return container.get<T>(id);
}
