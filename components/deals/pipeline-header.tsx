import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { PipelineTabs } from './pipeline-tabs';

/** Title, "New deal" and the Table/Board switch, shared by both pipeline views. */
export function PipelineHeader({ current }: { current: 'Table' | 'Board' }) {
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
      <PipelineTabs current={current} />
    </>
  );
}
