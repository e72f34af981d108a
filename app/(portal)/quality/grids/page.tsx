// A campaign's evaluation grid (every save a version) and its sampling setting.
import { GridEditor } from '@/app/components/quality/grid-editor';

export default function GridsPage() {
  return <GridEditor />;
}
