// An API address no route answers: a JSON 404 for every method, as the API's other refusals (not the portal's
// sign-in page, which the portal's catch-all would give an anonymous caller).
import { jsonError } from '@/server/http/answer';

const missing = (req: Request) => jsonError(404, `No API route at ${new URL(req.url).pathname}`);
export { missing as GET, missing as POST, missing as PUT, missing as PATCH, missing as DELETE, missing as HEAD, missing as OPTIONS };
