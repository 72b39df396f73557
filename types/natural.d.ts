/**
 * Types for the `natural` subpaths the project imports. `natural` must be imported by subpath only:
 * its index loads `./.env` into the environment and prints to stdout. Add a module here, never
 * rewrite the others.
 */

declare module 'natural/lib/natural/stemmers/porter_stemmer' {
  /** The Porter stemmer (English). */
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}
