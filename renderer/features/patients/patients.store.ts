import { create } from 'zustand';

/**
 * The patient list's search survives leaving the screen: going into a patient
 * and back should not lose the query the receptionist typed.
 */
interface PatientsUi {
  query: string;
  includeArchived: boolean;
  page: number;
  setQuery: (query: string) => void;
  setIncludeArchived: (value: boolean) => void;
  setPage: (page: number) => void;
}

export const usePatientsUi = create<PatientsUi>()((set) => ({
  query: '',
  includeArchived: false,
  page: 1,
  setQuery: (query) => set({ query, page: 1 }),
  setIncludeArchived: (includeArchived) => set({ includeArchived, page: 1 }),
  setPage: (page) => set({ page }),
}));
