/**
 * The renderer's only door to the main process: one function, no ipcRenderer,
 * no Node. Channel names and inputs are checked in main, not trusted here.
 */
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('chairside', {
  invoke: (channel: string, input: unknown, sessionToken: string | null) =>
    ipcRenderer.invoke('chairside:invoke', channel, input, sessionToken),
});
