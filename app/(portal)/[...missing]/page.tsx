// Any address no page answers, once signed in: the portal's own "not found" (in the user's language, with the
// navigation), not Next's bare English page.
import { notFound } from 'next/navigation';

export default function Missing() {
  notFound();
}
