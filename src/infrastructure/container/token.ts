import type { BindToFluentSyntax, Container } from 'inversify';

/** A service identifier that remembers the type it resolves to, so binding and resolving need no casts. */
export type Token<T> = symbol & { readonly __resolves?: T };

/** Anything services can be resolved from: the container, or the context a factory binding receives. */
export interface Resolver {
  // The caller names the type through the token; the resolver cannot check it, which is why Token<T> exists.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
  get<T>(id: symbol): T;
}

export const token = <T>(description: string): Token<T> => Symbol.for(`skim.${description}`);

export function bind<T>(container: Container, id: Token<T>): BindToFluentSyntax<T> {
  return container.bind<T>(id);
}

export function resolve<T>(from: Resolver, id: Token<T>): T {
  return from.get<T>(id);
}
