// A campaign's evaluation grid (every save a version) and its sampling setting.
import { GridEditor } from '@/app/components/quality/grid-editor';
import { evaluatorsOnly } from '@/server/quality/page-guard';

export default async function GridsPage() {
  await evaluatorsOnly();
  return <GridEditor />;
}
