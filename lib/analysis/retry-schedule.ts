// CallCov's documented retry delays ("Retry Logic"): retry n follows the previous attempt by
// RETRY_SCHEDULE_SECONDS[n - 1], so attempt k (k >= 2) is expected RETRY_SCHEDULE_SECONDS[k - 2]
// after attempt k - 1. After the fifth retry (sixth attempt) CallCov gives up.
export const RETRY_SCHEDULE_SECONDS = [60, 300, 900, 3600, 21600] as const;
