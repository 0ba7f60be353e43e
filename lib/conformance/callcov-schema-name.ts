/**
 * The name deliveries carry when judged against callcov-analysis.schema.json. Bump the version
 * with any change to that file: rows judged under the old name are then judged again.
 */
export const CALLCOV_SCHEMA_NAME = "callcov-analysis@1";
