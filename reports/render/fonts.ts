/**
 * The fonts the PNG renderer loads. DejaVu Sans ships with Debian (`fonts-dejavu-core`); loading those
 * files explicitly, and no system fonts, makes the PNG bytes the same on every such machine.
 */

/** Where Debian and most Linux distributions install DejaVu Sans. */
export const DEJAVU_CANDIDATES = [
  '/usr/share/fonts/truetype/dejavu',
  '/usr/share/fonts/TTF',
  '/usr/share/fonts/dejavu',
  '/usr/share/fonts/dejavu-sans-fonts',
] as const;

const FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf', 'DejaVuSans-BoldOblique.ttf'];

/** The font setup for resvg: explicit files (deterministic) or the system's fonts (fallback). */
export interface FontSetup {
  files: string[];
  /** True when DejaVu Sans was not found and resvg falls back to whatever the system has. */
  system: boolean;
}

/** Finds DejaVu Sans in the first candidate folder that holds its regular face. */
export function findFonts(exists: (path: string) => boolean, folders: readonly string[] = DEJAVU_CANDIDATES): FontSetup {
  for (const folder of folders) {
    if (!exists(`${folder}/DejaVuSans.ttf`)) continue;
    return { files: FILES.map((file) => `${folder}/${file}`).filter(exists), system: false };
  }
  return { files: [], system: true };
}
