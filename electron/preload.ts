/**
 * The renderer's only door to the main process: one function to call the
 * core, one to hear that data changed and one to print to PDF; no
 * ipcRenderer, no Node.
 * Channel names and inputs are checked in main, not trusted here.
 */
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('chairside', {
  invoke: (channel: string, input: unknown, sessionToken: string | null) =>
    ipcRenderer.invoke('chairside:invoke', channel, input, sessionToken),
  /** Data changed somewhere: the listener gets a number that only grows. Returns the way to stop listening. */
  onChanged: (listener: (version: number) => void) => {
    const forward = (_event: unknown, version: unknown) => {
      if (typeof version === 'number') listener(version);
    };
    ipcRenderer.on('chairside:changed', forward);
    return () => void ipcRenderer.removeListener('chairside:changed', forward);
  },
  /** Saves this window's page as a PDF where the user picks (a lab slip); resolves to the file, or null if they cancelled. */
  printToPdf: (suggestedName: string) => ipcRenderer.invoke('chairside:printToPdf', suggestedName),
});
