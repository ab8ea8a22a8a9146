/**
 * The zip container of an .xlsx package. Reading goes through yauzl (central directory,
 * unsafe names refused, declared sizes enforced) with Planrapport's own limits and a CRC-32
 * check of every byte it inflates. Writing copies each unchanged part's compressed bytes
 * exactly as they were and deflates only the parts Planrapport changed or added (yazl
 * cannot take pre-compressed data, hence the small writer here).
 */
import { createDeflateRaw, inflateRawSync } from 'node:zlib';
import * as zlib from 'node:zlib';
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

/** Published limits (README, "Limits"). */
export const ZIP_LIMITS = {
  /** The workbook file. */
  maxFileSize: 1024 ** 3,
  /** Parts in a package. */
  maxEntries: 20_000,
  /** Sum of all parts' declared uncompressed sizes. */
  maxTotalUncompressed: 4 * 1024 ** 3,
  /** A part Planrapport reads as XML. */
  maxXmlPart: 1024 ** 3,
};

/** A package that cannot be read as a zip, or breaks a limit; `message` is Swedish. */
export class ZipError extends Error {
  constructor(
    message: string,
    readonly reason: 'not-zip' | 'damaged' | 'limit' | 'encrypted',
  ) {
    super(message);
    this.name = 'ZipError';
  }
}

const crc32 = (zlib as unknown as { crc32?: (data: Uint8Array, value?: number) => number }).crc32 ?? crc32Js;

let CRC_TABLE: Uint32Array | undefined;
function crc32Js(data: Uint8Array, value = 0): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let c = (value ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  crc32: number;
  method: number;
  time: number;
  date: number;
  externalAttributes: number;
  raw: yauzl.Entry;
}

/** Parts up to this size are inflated in one go; larger ones are streamed. */
const SMALL_PART = 32 * 1024 ** 2;

async function* oneChunk(data: Promise<Buffer>): AsyncGenerator<Buffer> {
  yield await data;
}

export class ZipReader {
  private readonly byName = new Map<string, ZipEntry>();

  private constructor(
    private readonly zip: yauzl.ZipFile,
    readonly entries: readonly ZipEntry[],
  ) {
    // part names are case-insensitive (OPC)
    for (const e of entries) this.byName.set(e.name.toLowerCase(), e);
  }

  static async open(source: string | Buffer): Promise<ZipReader> {
    let zip: yauzl.ZipFile;
    const options: yauzl.Options = { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false };
    try {
      zip = typeof source === 'string' ? await yauzl.openPromise(source, options) : await yauzl.fromBufferPromise(source, options);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code) throw e; // I/O errors are the caller's to word
      throw new ZipError('ingen zip-fil', 'not-zip');
    }
    if (zip.entryCount > ZIP_LIMITS.maxEntries) {
      zip.close();
      throw new ZipError(`filen har ${zip.entryCount} delar; Planrapport läser högst ${ZIP_LIMITS.maxEntries}`, 'limit');
    }
    const entries: ZipEntry[] = [];
    let total = 0;
    try {
      for await (const e of zip.eachEntry()) {
        if (e.fileName.endsWith('/')) continue;
        if (e.isEncrypted()) throw new ZipError('filen är krypterad', 'encrypted');
        total += e.uncompressedSize;
        if (total > ZIP_LIMITS.maxTotalUncompressed) {
          throw new ZipError('filen packas upp till mer än 4 GB och ser inte ut som en vanlig arbetsbok', 'limit');
        }
        entries.push({
          name: e.fileName,
          compressedSize: e.compressedSize,
          uncompressedSize: e.uncompressedSize,
          crc32: e.crc32,
          method: e.compressionMethod,
          time: e.lastModFileTime,
          date: e.lastModFileDate,
          externalAttributes: e.externalFileAttributes,
          raw: e,
        });
      }
    } catch (e) {
      zip.close();
      if (e instanceof ZipError) throw e;
      throw new ZipError(`zip-strukturen är skadad (${(e as Error).message})`, 'damaged');
    }
    return new ZipReader(zip, entries);
  }

  close(): void {
    if (this.zip.isOpen) this.zip.close();
  }

  has(name: string): boolean {
    return this.byName.has(name.toLowerCase());
  }

  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name.toLowerCase());
  }

  /** The part's bytes inflated, in chunks; the CRC-32 is checked at the end. */
  async *bytes(name: string): AsyncGenerator<Buffer> {
    const entry = this.entry(name);
    if (!entry) throw new ZipError(`delen ${name} saknas`, 'damaged');
    if (entry.method !== 0 && entry.method !== 8) throw new ZipError(`delen ${name} är packad på ett sätt som inte stöds`, 'damaged');
    let stream: Readable;
    try {
      stream = await this.zip.openReadStreamPromise(entry.raw);
    } catch (e) {
      throw new ZipError(`delen ${name} kan inte läsas (${(e as Error).message})`, 'damaged');
    }
    let crc = 0;
    try {
      for await (const chunk of stream) {
        const b = chunk as Buffer;
        crc = crc32(b, crc);
        yield b;
      }
    } catch (e) {
      if (e instanceof ZipError) throw e;
      throw new ZipError(`delen ${name} är skadad (${(e as Error).message})`, 'damaged');
    } finally {
      stream.destroy();
    }
    if (crc >>> 0 !== entry.crc32 >>> 0) throw new ZipError(`delen ${name} är skadad (kontrollsumman stämmer inte)`, 'damaged');
  }

  /** A part small enough to inflate in one go (faster than streaming it), CRC checked. */
  private async smallPart(entry: ZipEntry): Promise<Buffer> {
    const raw: Buffer[] = [];
    for await (const chunk of await this.rawStream(entry)) raw.push(chunk as Buffer);
    const stored = Buffer.concat(raw);
    let data: Buffer;
    try {
      data = entry.method === 0 ? stored : inflateRawSync(stored, { maxOutputLength: entry.uncompressedSize + 1 });
    } catch (e) {
      throw new ZipError(`delen ${entry.name} är skadad (${(e as Error).message})`, 'damaged');
    }
    if (data.length !== entry.uncompressedSize) throw new ZipError(`delen ${entry.name} är skadad (fel storlek)`, 'damaged');
    if (crc32(data, 0) >>> 0 !== entry.crc32 >>> 0) throw new ZipError(`delen ${entry.name} är skadad (kontrollsumman stämmer inte)`, 'damaged');
    return data;
  }

  /** The part as text, in chunks (UTF-8, or UTF-16 with a byte order mark). */
  async *text(name: string): AsyncGenerator<string> {
    const entry = this.entry(name);
    if (entry && entry.uncompressedSize > ZIP_LIMITS.maxXmlPart) {
      throw new ZipError(`delen ${name} är större än ${ZIP_LIMITS.maxXmlPart / 1024 ** 3} GB uppackad`, 'limit');
    }
    const source =
      entry && entry.uncompressedSize <= SMALL_PART && (entry.method === 0 || entry.method === 8) ? oneChunk(this.smallPart(entry)) : this.bytes(name);
    let decoder: StringDecoder | undefined;
    for await (const chunk of source) {
      let b = chunk;
      if (!decoder) {
        if (b[0] === 0xff && b[1] === 0xfe) {
          decoder = new StringDecoder('utf16le');
          b = b.subarray(2);
        } else {
          decoder = new StringDecoder('utf8');
          if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
        }
      }
      const s = decoder.write(b);
      if (s) yield s;
    }
    const rest = decoder?.end();
    if (rest) yield rest;
  }

  async readText(name: string): Promise<string> {
    const parts: string[] = [];
    for await (const s of this.text(name)) parts.push(s);
    return parts.join('');
  }

  async readBytes(name: string): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const b of this.bytes(name)) parts.push(b);
    return Buffer.concat(parts);
  }

  /** Inflates every part and checks its CRC-32 (before a write makes damage permanent). */
  async verifyAll(): Promise<void> {
    for (const e of this.entries) {
      if (e.method !== 0 && e.method !== 8) continue; // copied as they are
      for await (const chunk of this.bytes(e.name)) {
        void chunk;
        /* the CRC is checked at the end */
      }
    }
  }

  /** The part's stored bytes, exactly as in the file. */
  async rawStream(entry: ZipEntry): Promise<Readable> {
    return this.zip.openReadStreamPromise(entry.raw, { decodeFileData: false } as yauzl.ZipFileOptions);
  }
}

/** Where the writer puts its bytes. */
export interface ByteSink {
  write(data: Uint8Array): Promise<void>;
}

interface Written {
  name: Buffer;
  utf8: boolean;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  offset: number;
  externalAttributes: number;
}

function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((Math.max(d.getFullYear(), 1980) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

const LIMIT_32 = 0xffffffff;

export class ZipWriter {
  private offset = 0;
  private readonly written: Written[] = [];
  private readonly now = dosTime(new Date());

  constructor(private readonly sink: ByteSink) {}

  private async put(data: Uint8Array): Promise<void> {
    await this.sink.write(data);
    this.offset += data.length;
    if (this.offset > LIMIT_32) throw new ZipError('arbetsboken skulle bli större än 4 GB', 'limit');
  }

  private localHeader(w: Written): Buffer {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(w.utf8 ? 0x0800 : 0, 6);
    h.writeUInt16LE(w.method, 8);
    h.writeUInt16LE(w.time, 10);
    h.writeUInt16LE(w.date, 12);
    h.writeUInt32LE(w.crc >>> 0, 14);
    h.writeUInt32LE(w.compressedSize, 18);
    h.writeUInt32LE(w.uncompressedSize, 22);
    h.writeUInt16LE(w.name.length, 26);
    h.writeUInt16LE(0, 28);
    return Buffer.concat([h, w.name]);
  }

  private entryName(name: string): { name: Buffer; utf8: boolean } {
    // eslint-disable-next-line no-control-regex
    const utf8 = /[^\u0000-\u007f]/.test(name);
    return { name: Buffer.from(name, 'utf8'), utf8 };
  }

  /** Copies a part from a package unchanged (its compressed bytes, CRC and sizes). */
  async copy(reader: ZipReader, entry: ZipEntry): Promise<void> {
    if (entry.compressedSize > LIMIT_32 || entry.uncompressedSize > LIMIT_32) throw new ZipError('en del är större än 4 GB', 'limit');
    const w: Written = {
      ...this.entryName(entry.name),
      method: entry.method,
      time: entry.time,
      date: entry.date,
      crc: entry.crc32,
      compressedSize: entry.compressedSize,
      uncompressedSize: entry.uncompressedSize,
      offset: this.offset,
      externalAttributes: entry.externalAttributes,
    };
    await this.put(this.localHeader(w));
    const stream = await reader.rawStream(entry);
    let n = 0;
    for await (const chunk of stream) {
      n += (chunk as Buffer).length;
      await this.put(chunk as Buffer);
    }
    if (n !== entry.compressedSize) throw new ZipError(`delen ${entry.name} är skadad`, 'damaged');
    this.written.push(w);
  }

  /** Adds a part from its bytes, deflated. */
  async add(name: string, data: Uint8Array): Promise<void> {
    const compressed = await deflate(data);
    const w: Written = {
      ...this.entryName(name),
      method: 8,
      time: this.now.time,
      date: this.now.date,
      crc: crc32(data, 0) >>> 0,
      compressedSize: compressed.length,
      uncompressedSize: data.length,
      offset: this.offset,
      externalAttributes: 0,
    };
    if (w.uncompressedSize > LIMIT_32) throw new ZipError('en del är större än 4 GB', 'limit');
    await this.put(this.localHeader(w));
    await this.put(compressed);
    this.written.push(w);
  }

  async finish(): Promise<void> {
    if (this.written.length > 0xffff) throw new ZipError('för många delar', 'limit');
    const start = this.offset;
    for (const w of this.written) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4); // made by: MS-DOS, 2.0
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(w.utf8 ? 0x0800 : 0, 8);
      h.writeUInt16LE(w.method, 10);
      h.writeUInt16LE(w.time, 12);
      h.writeUInt16LE(w.date, 14);
      h.writeUInt32LE(w.crc >>> 0, 16);
      h.writeUInt32LE(w.compressedSize, 20);
      h.writeUInt32LE(w.uncompressedSize, 24);
      h.writeUInt16LE(w.name.length, 28);
      h.writeUInt16LE(0, 30);
      h.writeUInt16LE(0, 32);
      h.writeUInt16LE(0, 34);
      h.writeUInt16LE(0, 36);
      h.writeUInt32LE(w.externalAttributes >>> 0, 38);
      h.writeUInt32LE(w.offset, 42);
      await this.put(Buffer.concat([h, w.name]));
    }
    const size = this.offset - start;
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.written.length, 8);
    end.writeUInt16LE(this.written.length, 10);
    end.writeUInt32LE(size, 12);
    end.writeUInt32LE(start, 16);
    await this.put(end);
  }
}

function deflate(data: Uint8Array): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const d = createDeflateRaw({ level: 6 });
    d.on('data', (c: Buffer) => chunks.push(c));
    d.on('end', () => resolve(Buffer.concat(chunks)));
    d.on('error', reject);
    d.end(data);
  });
}
