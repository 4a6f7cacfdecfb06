/**
 * A catalog of messages: nested objects whose leaves are ICU MessageFormat strings. Every
 * language has exactly the keys English has (the types say so, and a test checks the
 * placeholders too).
 */
export type CatalogShape<T> = {
  readonly [K in keyof T]: T[K] extends string ? string : CatalogShape<T[K]>;
};

/** Every dotted key of a catalog ("ui.load.title"). */
export type DottedKeys<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? `${Prefix}${K}`
    : DottedKeys<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
