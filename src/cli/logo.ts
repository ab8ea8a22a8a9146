/** `generate --logo`: a PNG or JPEG for page 1, its size read from the file itself. */
import { promises as fs } from 'node:fs';
import type { Logo } from '../core/report/docx/document';
import { FileError } from './errors';

/** Larger than any logo needs to be; the document carries it whole. */
export const LOGO_MAX_BYTES = 2 * 1024 * 1024;

export async function readLogo(file: string, alt: string | undefined): Promise<Logo> {
  let data: Buffer;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new FileError(`--logo ${file} är ingen fil. Ange en PNG- eller JPEG-bild.`);
    if (stat.size > LOGO_MAX_BYTES)
      throw new FileError(`--logo ${file} är ${Math.ceil(stat.size / 1024)} kB; en logotyp får vara högst ${LOGO_MAX_BYTES / 1024} kB. Spara en mindre bild.`);
    data = await fs.readFile(file);
  } catch (e) {
    if (e instanceof FileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new FileError(`--logo ${file} finns inte. Kontrollera sökvägen.`);
    if (code === 'EACCES' || code === 'EPERM') throw new FileError(`--logo ${file} får inte läsas. Kontrollera filens behörigheter.`);
    throw new FileError(`--logo ${file} gick inte att läsa (${code ?? 'okänt fel'}). Kontrollera sökvägen.`);
  }
  const size = imageSize(data);
  if (!size) throw new FileError(`--logo ${file} är ingen PNG- eller JPEG-bild som går att läsa. Spara logotypen som PNG.`);
  return { data: new Uint8Array(data), ...size, alt };
}

/** Width and height in pixels of a PNG (IHDR) or JPEG (the first SOF marker); undefined for anything else. */
export function imageSize(b: Uint8Array): { type: 'png' | 'jpg'; width: number; height: number } | undefined {
  const u32 = (i: number) => ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;
  const u16 = (i: number) => (b[i]! << 8) | b[i + 1]!;
  const ok = (w: number, h: number) => w > 0 && h > 0 && w <= 20000 && h <= 20000;
  if (b.length >= 24 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 && String.fromCharCode(...b.slice(12, 16)) === 'IHDR') {
    const width = u32(16);
    const height = u32(20);
    return ok(width, height) ? { type: 'png', width, height } : undefined;
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) {
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return undefined;
      const marker = b[i + 1]!;
      if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01 || marker === 0xff) {
        i += marker === 0xff ? 1 : 2;
        continue;
      }
      const length = u16(i + 2);
      // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC)
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        const height = u16(i + 5);
        const width = u16(i + 7);
        return ok(width, height) ? { type: 'jpg', width, height } : undefined;
      }
      if (length < 2) return undefined;
      i += 2 + length;
    }
  }
  return undefined;
}
