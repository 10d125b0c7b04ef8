/**
 * Prints the current page through its print stylesheet: the desktop app saves
 * a PDF where the user picks (Electron's printToPDF), browser mode opens the
 * browser's print dialog (which can also save a PDF).
 */
export async function printPage(suggestedName: string): Promise<string | null> {
  const toPdf = window.chairside?.printToPdf;
  if (toPdf) return toPdf(suggestedName);
  window.print();
  return null;
}
