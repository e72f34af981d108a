// Sign-in page; a signed-in visitor goes straight home.
import { redirect } from 'next/navigation';
import { currentUser } from '@/server/auth/options';
import { SignInForm } from './signin-form';

export const dynamic = 'force-dynamic';

export default async function SignInPage() {
  if (await currentUser()) redirect('/');
  return <SignInForm />;
}
