// A call asked for by id alone when several campaigns of the caller's scope hold that id: refused in words, so the
// page opened from a link without its campaign says so instead of showing one of the calls at random.
import { AmbiguousCallError } from '@/server/tenancy/call-ref';
import { userError } from './user-error';

export async function refusingAmbiguousCall<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof AmbiguousCallError) throw userError('BAD_REQUEST', 'error.callAmbiguous', { callId: e.callId });
    throw e;
  }
}
