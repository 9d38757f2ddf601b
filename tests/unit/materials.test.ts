import { describe, expect, it } from 'vitest';
import {
  canTransitionMaterial,
  isMaterialOverdue,
  materialStatuses,
  materialThumbnailKind,
  materialTransitions,
  materialTransitionsFrom,
} from '@/lib/materials';
import { createMaterialSchema, materialListSchema } from '@/lib/validation/materials';

describe('the material life cycle', () => {
  it('goes requested → in progress → in review → ready, and back to work from review or ready', () => {
    expect(materialTransitionsFrom('requested')).toEqual(['start']);
    expect(materialTransitionsFrom('in_progress')).toEqual(['submit']);
    expect(materialTransitionsFrom('in_review')).toEqual(['sendBack', 'approve']);
    expect(materialTransitionsFrom('ready')).toEqual(['sendBack']);
    expect(materialTransitions.sendBack.to).toBe('in_progress');
    expect(materialTransitions.approve.to).toBe('ready');
  });

  it('never approves or submits from any other status', () => {
    for (const status of materialStatuses) {
      expect(canTransitionMaterial(status, 'approve')).toBe(status === 'in_review');
      expect(canTransitionMaterial(status, 'submit')).toBe(status === 'in_progress');
      expect(canTransitionMaterial(status, 'start')).toBe(status === 'requested');
    }
  });

  it('calls an open material overdue only after its due day, on the viewer’s calendar', () => {
    const due = { status: 'in_progress' as const, dueDate: '2026-12-01' };
    expect(isMaterialOverdue(due, '2026-12-01')).toBe(false);
    expect(isMaterialOverdue(due, '2026-12-02')).toBe(true);
    expect(isMaterialOverdue({ ...due, status: 'ready' }, '2026-12-02')).toBe(false);
    expect(isMaterialOverdue({ ...due, dueDate: null }, '2026-12-02')).toBe(false);
  });

  it('picks a thumbnail icon by media type, then by kind', () => {
    expect(materialThumbnailKind('one_pager', 'image/png')).toBe('image');
    expect(materialThumbnailKind('presentation', 'video/mp4')).toBe('video');
    expect(materialThumbnailKind('case_study', 'application/pdf')).toBe('pdf');
    expect(materialThumbnailKind('presentation', null)).toBe('slides');
    expect(materialThumbnailKind('demo', null)).toBe('video');
    expect(materialThumbnailKind('sales_sheet', 'text/plain')).toBe('document');
  });
});

describe('material validation', () => {
  it('cleans tags and blanks, and names what is missing', () => {
    const parsed = createMaterialSchema.parse({
      clientId: '0b6f1c57-3f0c-4d0e-9a53-0d9b1c2f3a4b',
      kind: 'video',
      title: ' Launch film ',
      tags: ' Retail, retail ,, Spring',
      dealId: '',
      assigneeId: '',
      dueDate: '',
    });
    expect(parsed).toMatchObject({
      title: 'Launch film',
      tags: ['retail', 'spring'],
      dealId: null,
      assigneeId: null,
      dueDate: null,
      brief: '',
    });
    const refused = createMaterialSchema.safeParse({ clientId: 'x', kind: 'poster', title: '' });
    expect(refused.success).toBe(false);
  });

  it('falls back to defaults for a list address it does not understand', () => {
    expect(materialListSchema.parse({ sort: 'secret', due: 'soon', status: 'lost' })).toMatchObject(
      {
        sort: 'updatedAt',
        dir: 'desc',
        due: undefined,
        status: undefined,
      },
    );
  });
});
