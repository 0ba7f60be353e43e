import { z } from "zod";

// HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/), limited to the fields we emit.

const nameValueSchema = z.object({ name: z.string(), value: z.string() });

export const harCreatorSchema = z.object({
  name: z.string(),
  version: z.string(),
  comment: z.string().optional(),
});

export const harPostDataSchema = z
  .object({
    mimeType: z.string(),
    text: z.string(),
    /** HAR 1.2 has no encoding field for postData; both markers flag base64 text for readers. */
    comment: z.literal("base64").optional(),
    _encoding: z.literal("base64").optional(),
  })
  .meta({
    description: 'Bodies that are not UTF-8 are base64 text, marked with comment "base64".',
  });

export const harEntrySchema = z.object({
  startedDateTime: z.iso.datetime({ offset: true }),
  time: z.number(),
  request: z.object({
    method: z.string(),
    url: z.string(),
    httpVersion: z.string(),
    cookies: z.array(nameValueSchema),
    headers: z.array(nameValueSchema),
    queryString: z.array(nameValueSchema),
    postData: harPostDataSchema.optional(),
    headersSize: z.number().int(),
    bodySize: z.number().int(),
  }),
  response: z
    .object({
      status: z.number().int(),
      statusText: z.string(),
      httpVersion: z.string(),
      cookies: z.array(nameValueSchema),
      headers: z.array(nameValueSchema),
      content: z.object({
        size: z.number().int(),
        mimeType: z.string(),
        text: z.string().optional(),
      }),
      redirectURL: z.string(),
      headersSize: z.number().int(),
      bodySize: z.number().int(),
    })
    .meta({ description: "The answer the echo endpoint sent (status 0 when unknown)." }),
  cache: z.object({}),
  timings: z.object({ send: z.number(), wait: z.number(), receive: z.number() }),
});

export const harSchema = z
  .object({
    log: z.object({
      version: z.literal("1.2"),
      creator: harCreatorSchema,
      entries: z.array(harEntrySchema),
    }),
  })
  .meta({ description: "HAR 1.2, openable in browser devtools, Insomnia, Charles and the like." });
