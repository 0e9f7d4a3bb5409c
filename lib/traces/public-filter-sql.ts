import type postgres from "postgres";

import type { Sql } from "@/lib/db/sql";

import type { FilterColumnShape, FilterCondition } from "./public-filter";

type Fragment = postgres.Fragment;

/** A filterable column: its value kind and the SQL expression conditions compare. */
export interface FilterColumn extends FilterColumnShape {
  expression: (sql: Sql) => Fragment;
  /** Brings a compared text to the stored form (ids are stored lower case). */
  normalize?: (value: string) => string;
}

/**
 * The SQL of parsed conditions on their columns, one fragment each, for the caller to join with
 * AND. Every value is a bound parameter; only the operator picks the fragment. Negative
 * operators keep rows without a value: a trace without a user "does not contain" any user.
 */
export function filterConditionsSql(
  sql: Sql,
  columns: Readonly<Record<string, FilterColumn>>,
  conditions: readonly FilterCondition[],
): Fragment[] {
  return conditions.map((condition) => {
    const column = columns[condition.column];
    // The parser checked every column against the same table; this guards a mismatched pair.
    if (!column) throw new Error(`filter column ${condition.column} has no SQL`);
    return conditionSql(sql, column, condition);
  });
}

function conditionSql(sql: Sql, column: FilterColumn, condition: FilterCondition): Fragment {
  const expression = column.expression(sql);
  const normalize = column.normalize ?? ((value: string) => value);

  switch (condition.type) {
    case "string":
      return textSql(sql, expression, condition.operator, normalize(condition.value));
    case "stringObject":
      return textSql(
        sql,
        sql`(${expression} ->> ${condition.key}::text)`,
        condition.operator,
        condition.value,
      );
    case "stringOptions": {
      const values = condition.value.map(normalize);
      return condition.operator === "any of"
        ? sql`${expression} = ANY(${values}::text[])`
        : sql`(${expression} IS NULL OR NOT (${expression} = ANY(${values}::text[])))`;
    }
    case "arrayOptions":
      return arraySql(sql, expression, condition.operator, condition.value);
    case "datetime":
      return compareSql(sql, expression, condition.operator, sql`${condition.value}::timestamptz`);
    case "number":
      return compareSql(sql, expression, condition.operator, sql`${condition.value}::numeric`);
    case "null":
      return condition.operator === "is null"
        ? sql`${expression} IS NULL`
        : sql`${expression} IS NOT NULL`;
  }
}

function textSql(
  sql: Sql,
  expression: Fragment,
  operator: "=" | "contains" | "does not contain" | "starts with" | "ends with",
  value: string,
): Fragment {
  // strpos and starts_with instead of LIKE, so that % and _ in a value match themselves.
  switch (operator) {
    case "=":
      return sql`${expression} = ${value}::text`;
    case "contains":
      return sql`strpos(${expression}, ${value}::text) > 0`;
    case "does not contain":
      return sql`(${expression} IS NULL OR strpos(${expression}, ${value}::text) = 0)`;
    case "starts with":
      return sql`starts_with(${expression}, ${value}::text)`;
    case "ends with":
      return sql`right(${expression}, char_length(${value}::text)) = ${value}::text`;
  }
}

function arraySql(
  sql: Sql,
  expression: Fragment,
  operator: "any of" | "none of" | "all of",
  values: string[],
): Fragment {
  switch (operator) {
    case "any of":
      return sql`${expression} && ${values}::text[]`;
    case "all of":
      return sql`${expression} @> ${values}::text[]`;
    case "none of":
      return sql`NOT (${expression} && ${values}::text[])`;
  }
}

function compareSql(
  sql: Sql,
  expression: Fragment,
  operator: "=" | ">" | "<" | ">=" | "<=",
  value: Fragment,
): Fragment {
  switch (operator) {
    case "=":
      return sql`${expression} = ${value}`;
    case ">":
      return sql`${expression} > ${value}`;
    case "<":
      return sql`${expression} < ${value}`;
    case ">=":
      return sql`${expression} >= ${value}`;
    case "<=":
      return sql`${expression} <= ${value}`;
  }
}
