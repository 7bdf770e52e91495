/** Base of every error the domain raises on purpose; adapters translate transport failures into these. */
export abstract class DomainError extends Error {
  abstract readonly code: string;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}
