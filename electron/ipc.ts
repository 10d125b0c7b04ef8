import { writeFile } from 'node:fs/promises';
import { BrowserWindow, dialog, ipcMain } from 'electron';
import type { Core } from './core/context';
import { dispatch } from './core/handlers';

export const INVOKE_CHANNEL = 'chairside:invoke';
export const CHANGED_CHANNEL = 'chairside:changed';
export const PRINT_CHANNEL = 'chairside:printToPdf';

/**
 * One ipc channel carries every contract call. Only our own page may use it:
 * the sending frame's URL is parsed and compared, so an injected iframe or a
 * navigated-away page gets FORBIDDEN.
 */
export function registerIpc(core: Core, options: { workstation: string; isAppUrl: (url: string) => boolean }) {
  ipcMain.handle(INVOKE_CHANNEL, async (event, channel: unknown, input: unknown, sessionToken: unknown) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !options.isAppUrl(frame.url)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'This window may not call Chairside.' } };
    }
    if (typeof channel !== 'string') {
      return { ok: false, error: { code: 'VALIDATION', message: 'The channel must be a name.' } };
    }
    return dispatch(core, channel, input, {
      sessionToken: typeof sessionToken === 'string' ? sessionToken : null,
      workstation: options.workstation,
    });
  });

  // The page's print stylesheet decides what the PDF holds (a lab slip); the user picks where it goes.
  ipcMain.handle(PRINT_CHANNEL, async (event, suggestedName: unknown) => {
    const frame = event.senderFrame;
    const win = BrowserWindow.fromWebContents(event.sender);
    if (!frame || frame.parent !== null || !options.isAppUrl(frame.url) || !win) return null;
    const name = typeof suggestedName === 'string' ? suggestedName.replace(/[^\w .-]+/g, '-').slice(0, 100) : 'chairside';
    const pdf = await event.sender.printToPDF({ printBackground: true, pageSize: 'A4' });
    const { canceled, filePath } = await dialog.showSaveDialog(win, { defaultPath: `${name}.pdf`, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    if (canceled || !filePath) return null;
    await writeFile(filePath, pdf);
    return filePath;
  });
}

/**
 * Every window showing our page hears that data changed (in this process or
 * another on the same file), so its open screens refetch. Only a number
 * crosses: never data.
 */
export function broadcastChanges(core: Core, isAppUrl: (url: string) => boolean): () => void {
  return core.changes.subscribe((version) => {
    for (const win of BrowserWindow.getAllWindows()) {
      if (!win.isDestroyed() && isAppUrl(win.webContents.getURL())) win.webContents.send(CHANGED_CHANNEL, version);
    }
  });
}
