// HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/), limited to the fields we emit.

export interface Har {
  log: HarLog;
}

export interface HarLog {
  version: "1.2";
  creator: HarCreator;
  entries: HarEntry[];
}

export interface HarCreator {
  name: string;
  version: string;
  comment?: string;
}

export interface HarNameValue {
  name: string;
  value: string;
}

export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: HarRequest;
  response: HarResponse;
  cache: Record<string, never>;
  timings: HarTimings;
}

export interface HarRequest {
  method: string;
  url: string;
  httpVersion: string;
  cookies: HarNameValue[];
  headers: HarNameValue[];
  queryString: HarNameValue[];
  postData?: HarPostData;
  headersSize: number;
  bodySize: number;
}

export interface HarPostData {
  mimeType: string;
  text: string;
  /** HAR 1.2 has no encoding field for postData; both markers flag base64 text for readers. */
  comment?: "base64";
  _encoding?: "base64";
}

export interface HarResponse {
  status: number;
  statusText: string;
  httpVersion: string;
  cookies: HarNameValue[];
  headers: HarNameValue[];
  content: HarContent;
  redirectURL: string;
  headersSize: number;
  bodySize: number;
}

export interface HarContent {
  size: number;
  mimeType: string;
  text?: string;
}

export interface HarTimings {
  send: number;
  wait: number;
  receive: number;
}
