/** The pane's store in React: one per pane, started on mount, read with useSyncExternalStore. */
import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useServices } from '../services';
import { downloadFile } from '../generate/download';
import { PaneStore, type PaneState, type StoreOptions } from './store';

const PaneContext = createContext<PaneStore | undefined>(undefined);

export function PaneProvider({ options, children }: { options?: Partial<StoreOptions>; children: ReactNode }) {
  const services = useServices();
  const [store] = useState(() => new PaneStore(services, { download: (doc) => downloadFile(doc.bytes, doc.fileName), ...options }));
  useEffect(() => {
    void store.start();
    return () => store.dispose();
  }, [store]);
  return <PaneContext.Provider value={store}>{children}</PaneContext.Provider>;
}

export function usePaneStore(): PaneStore {
  const store = useContext(PaneContext);
  if (!store) throw new Error('Planrapport: PaneProvider saknas.');
  return store;
}

export function usePane(): PaneState {
  const store = usePaneStore();
  return useSyncExternalStore(store.subscribe, store.getState);
}
