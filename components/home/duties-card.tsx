import { ArrowRight } from 'lucide-react';
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { roleDuties } from '@/lib/role-duties';
import type { Role } from '@/lib/roles';

export function DutiesCard({ role }: { role: Role }) {
  return (
    <Card title="Your work in Accord">
      <ul className="divide-y divide-slate-100">
        {roleDuties[role].map((duty) => (
          <li key={duty.label} className="py-2 text-sm text-slate-700">
            <Link
              href={duty.href}
              className="flex items-center justify-between font-medium text-brand-700 hover:underline"
            >
              {duty.label}
              <ArrowRight aria-hidden className="size-4" />
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}
