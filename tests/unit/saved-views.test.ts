import { describe, expect, it } from 'vitest';
import {
  createSavedViewSchema,
  normaliseListState,
  openTab,
  saveSavedViewStateSchema,
} from '@/lib/validation/saved-views';
import type { SavedViewList } from '@/lib/saved-views';

const owner = '5b0c1f3e-4a7d-4d2b-9a61-0f3a8f6b7c11';
const normalise = (list: SavedViewList, query: string) =>
  normaliseListState(list, new URLSearchParams(query));

describe('the URL state a saved view holds', () => {
  it('keeps the list’s filters, search, sort, page size and hidden columns in a fixed order', () => {
    expect(
      normalise(
        'clients',
        `hide=tier,status&size=50&dir=desc&sort=annualValue&status=active&q=harbor`,
      ),
    ).toEqual({
      state: 'size=50&sort=annualValue&dir=desc&q=harbor&status=active&hide=status%2Ctier',
      refused: [],
    });
  });

  it('leaves out the page, the open view and every default, so equal views compare equal', () => {
    expect(normalise('clients', 'page=7&view=all&sort=name&dir=asc&size=25')).toEqual({
      state: '',
      refused: [],
    });
    expect(normalise('clients', 'status=active&page=3').state).toBe(
      normalise('clients', 'status=active').state,
    );
  });

  it('uses each list’s own defaults: prospects sort by the next step unless told otherwise', () => {
    expect(normalise('prospects', 'sort=nextStepDate').state).toBe('');
    expect(normalise('prospects', 'sort=name').state).toBe('sort=name');
    expect(normalise('clients', 'sort=name').state).toBe('');
  });

  it('refuses parameters the list does not know, and leaves them out', () => {
    expect(normalise('prospects', 'status=active&industry=Software')).toEqual({
      state: 'industry=Software',
      refused: ['status'],
    });
    expect(normalise('users', 'role=manager&__proto__=x&redirect=https://evil.test')).toEqual({
      state: 'role=manager',
      refused: ['__proto__', 'redirect'],
    });
  });

  it('refuses values the list’s schema would replace, instead of saving the replacement', () => {
    expect(normalise('clients', `sort=name;drop table clients&status=active`)).toEqual({
      state: 'status=active',
      refused: ['sort'],
    });
    expect(normalise('clients', `owner=not-a-uuid&size=33&q=${'x'.repeat(101)}`)).toEqual({
      state: '',
      refused: ['owner', 'size', 'q'],
    });
    expect(normalise('deals', 'stage=lead,bogus')).toEqual({
      state: '',
      refused: ['stage'],
    });
    expect(normalise('clients', 'hide=status,password').state).toBe('hide=status');
    expect(normalise('clients', 'hide=status,password').refused).toEqual(['hide']);
  });

  it('refuses a repeated parameter and keeps its first value, as the list page does', () => {
    expect(normalise('clients', 'status=active&status=paused')).toEqual({
      state: 'status=active',
      refused: ['status'],
    });
  });

  it('keeps a several-stage filter and a date range of the pipeline', () => {
    expect(
      normalise(
        'deals',
        `stage=lead,qualified&closeFrom=2026-01-01&closeTo=2026-03-31&owner=${owner}`,
      ).state,
    ).toBe(`owner=${owner}&stage=lead%2Cqualified&closeFrom=2026-01-01&closeTo=2026-03-31`);
  });

  it('trims the search the way the list does', () => {
    expect(normalise('proposals', 'q=%20%20acme%20').state).toBe('q=acme');
  });
});

describe('saving a view', () => {
  it('stores the normalised state of a list it accepts', () => {
    const parsed = createSavedViewSchema.parse({
      list: 'clients',
      name: '  Active software  ',
      state: '?status=active&industry=Software&page=2',
      shared: 'on',
    });
    expect(parsed).toEqual({
      list: 'clients',
      name: 'Active software',
      state: 'status=active&industry=Software',
      shared: true,
    });
  });

  it('is refused with a clear message when the state holds anything the list does not accept', () => {
    const result = createSavedViewSchema.safeParse({
      list: 'clients',
      name: 'Sneaky',
      state: 'status=active&callback=javascript:alert(1)',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ['state'],
        message: expect.stringContaining('callback'),
      }),
    ]);
  });

  it('is refused for an unknown list, a blank name or an overlong state', () => {
    expect(
      createSavedViewSchema.safeParse({ list: 'payments', name: 'x', state: '' }).success,
    ).toBe(false);
    expect(
      createSavedViewSchema.safeParse({ list: 'clients', name: '  ', state: '' }).success,
    ).toBe(false);
    expect(
      saveSavedViewStateSchema.safeParse({
        id: owner,
        list: 'clients',
        state: `q=${'a'.repeat(2001)}`,
      }).success,
    ).toBe(false);
  });
});

describe('the tab an address opens', () => {
  const tabs = [
    { id: 'a', state: 'status=active' },
    { id: 'b', state: '' },
  ];
  const open = (query: string) => openTab('clients', tabs, new URLSearchParams(query));

  it('is the view the address names, with the state the address shows', () => {
    expect(open('view=a&status=active&page=3')).toEqual({
      active: tabs[0],
      current: 'status=active',
    });
    expect(open('view=a&status=paused')).toEqual({ active: tabs[0], current: 'status=paused' });
  });

  it('is "All" for no view, an unknown one or "all", and takes the first of a repeated view', () => {
    expect(open('status=active').active).toBeNull();
    expect(open('view=gone').active).toBeNull();
    expect(open('view=all').active).toBeNull();
    expect(open('view=b&view=a').active).toBe(tabs[1]);
  });
});
