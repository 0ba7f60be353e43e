// A small CallCov-style analysis callback: enough to try every view of the app.
const EXAMPLE_BODY = JSON.stringify({
  id: "an_test_123",
  object: "analysis",
  created: 1767225600,
  status: "completed",
  call: { agent_id: "agent_42", contact_id: "contact_7" },
  transcript: { text: "Hello, thanks for calling!" },
});

function quote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** The ready-to-paste test delivery shown on the home page and in the empty view. */
export function buildExampleCurl(echoUrl: string): string {
  return [
    `curl -X POST ${quote(`${echoUrl}/callcov`)}`,
    `-H 'Content-Type: application/json'`,
    `--data-binary ${quote(EXAMPLE_BODY)}`,
  ].join(" \\\n  ");
}
