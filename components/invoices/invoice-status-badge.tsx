import { Badge } from '@/components/ui/card';
import { invoiceStatusLabels, type InvoiceStatus } from '@/lib/invoices';

const tones: Record<InvoiceStatus, 'slate' | 'green' | 'red' | 'blue' | 'amber'> = {
  draft: 'slate',
  issued: 'blue',
  partially_paid: 'amber',
  overdue: 'red',
  paid: 'green',
  credited: 'slate',
  void: 'slate',
};

export function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  return <Badge tone={tones[status]}>{invoiceStatusLabels[status]}</Badge>;
}
