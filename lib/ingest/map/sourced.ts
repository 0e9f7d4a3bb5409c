/** A value together with the attribute key (or `event:<name>`) it was read from. */
export interface Sourced<T> {
  value: T;
  source: string;
}
