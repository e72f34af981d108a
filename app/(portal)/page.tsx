// Home: one view per role.
import { redirect } from 'next/navigation';
import { currentUser } from '@/server/auth/options';
import { HomeView } from '@/app/components/home-view';

export default async function HomePage() {
  const user = await currentUser();
  if (!user) redirect('/signin');
  return <HomeView user={user} />;
}
