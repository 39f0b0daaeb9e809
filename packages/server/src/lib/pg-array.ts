/**
 * A list of numbers as PostgreSQL's array text (`{1,2,3}`), for a `text[]` parameter cast per row
 * (`x.keys::int[]`): the database parses it in C, where `jsonb_array_elements_text` over a jsonb
 * parameter took a quarter of a second for a batch of 2,000 comments' search keys.
 */
export const pgArray = (values: ArrayLike<number>): string => `{${Array.prototype.join.call(values, ',')}}`;
