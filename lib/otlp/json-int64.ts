/**
 * OTLP/JSON allows the 64-bit integer fields (times in nanoseconds, int attribute values) as
 * numbers, and JSON.parse turns numbers past 2^53 into the nearest double: a time sent as
 * 1700000000123456789 would be stored as 1700000000123456768. Before parsing, such numbers of
 * these fields are put in quotes, so that they reach the BigInt parsing intact.
 *
 * The pattern cannot match inside a JSON string: there a field name's quotes are escaped (\").
 */
const INT64_FIELDS = [
  "startTimeUnixNano",
  "endTimeUnixNano",
  "timeUnixNano",
  "observedTimeUnixNano",
  "intValue",
  "start_time_unix_nano",
  "end_time_unix_nano",
  "time_unix_nano",
  "observed_time_unix_nano",
  "int_value",
];
const LONG_INT64_FIELD = new RegExp(
  `("(?:${INT64_FIELDS.join("|")})"\\s*:\\s*)(-?\\d{16,})(?=\\s*[,}\\]])`,
  "g",
);

/** The JSON text with every 16-or-more-digit number of an int64 field quoted. */
export function quoteLongInt64Numbers(text: string): string {
  return text.replace(LONG_INT64_FIELD, '$1"$2"');
}
