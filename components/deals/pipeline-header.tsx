import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { PipelineTabs } from './pipeline-tabs';

/** Title, "New deal" and the Table/Board switch, shared by both pipeline views. */
export function PipelineHeader({
  current,
  searchParams,
}: {
  current: 'Table' | 'Board';
  searchParams: Record<string, string>;
}) {
  const {
    page: _page,
    size: _size,
    sort: _sort,
    dir: _dir,
    hide: _hide,
    view: _view,
    ...filters
  } = searchParams;
  return (
    <>
      <PageHeader
        title="Pipeline"
        description="Every open deal by stage, with its amount and weighted forecast."
        actions={
          <Link href="/pipeline/new" className={buttonClasses('primary')}>
            New deal
          </Link>
        }
      />
      <PipelineTabs current={current} query={new URLSearchParams(filters).toString()} />
    </>
  );
}
