import type { ActionEntry } from './action-entry';
import { adminActions } from './actions/admin';
import { calendarActions } from './actions/calendar';
import { clientActions } from './actions/clients';
import { moneyActions } from './actions/money';
import { pipelineActions } from './actions/pipeline';
import { workActions } from './actions/work';

/** Every action definition in server/, by its export name: the list the matrix test runs. */
export const actionRegistry: Record<string, ActionEntry> = {
  ...clientActions,
  ...pipelineActions,
  ...moneyActions,
  ...workActions,
  ...adminActions,
  ...calendarActions,
};
