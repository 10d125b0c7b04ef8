import { beforeEach, describe, expect, it } from 'vitest';
import { usePatientsUi } from '../../renderer/features/patients/patients.store';

const initial = usePatientsUi.getState();

beforeEach(() => usePatientsUi.setState(initial, true));

describe('patients UI store', () => {
  it('starts on the first page of everyone not archived', () => {
    expect(usePatientsUi.getState()).toMatchObject({ query: '', includeArchived: false, page: 1 });
  });

  it('goes back to the first page when the search changes, since page 3 of another search means nothing', () => {
    const ui = usePatientsUi.getState();
    ui.setPage(3);
    expect(usePatientsUi.getState().page).toBe(3);
    ui.setQuery('tana');
    expect(usePatientsUi.getState()).toMatchObject({ query: 'tana', page: 1 });
    ui.setPage(2);
    ui.setIncludeArchived(true);
    expect(usePatientsUi.getState()).toMatchObject({ query: 'tana', includeArchived: true, page: 1 });
  });

  it('keeps the search when only the page changes', () => {
    const ui = usePatientsUi.getState();
    ui.setQuery('555');
    ui.setPage(4);
    expect(usePatientsUi.getState()).toMatchObject({ query: '555', page: 4 });
  });
});
