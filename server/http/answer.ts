// How route handlers word a refusal: `{"error": …}` JSON for API callers and the portal's scripts, plain text for
// what the browser itself requests (a download, an event stream).
export type Refusal = (status: number, message: string) => Response;

export const jsonError: Refusal = (status, error) => Response.json({ error }, { status });

export const textError: Refusal = (status, message) => new Response(message, { status });
