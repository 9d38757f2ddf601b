import 'server-only';
import { sql } from 'drizzle-orm';

/** A word list as a PostgreSQL text[] literal, for seeds that pick words inside SQL. */
export const textArray = (values: readonly string[]) =>
  sql`(${`{${values.map((value) => `"${value}"`).join(',')}}`}::text[])`;
