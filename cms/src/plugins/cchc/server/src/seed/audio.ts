/**
 * Demo audio bulletins: a short chime rendered as a WAV file in memory, so the
 * seed's radio bulletins have a real audio attachment without any encoder or network.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const SAMPLE_RATE = 16_000;

/** Writes a 16-bit mono PCM WAV header followed by the samples. */
function wav(samples: Int16Array): Buffer {
  const data = Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(SAMPLE_RATE, 24);
  header.writeUInt32LE(SAMPLE_RATE * 2, 28); // byte rate
  header.writeUInt16LE(2, 32); // block align
  header.writeUInt16LE(16, 34); // bits per sample
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** A three-note chime whose pitches vary with `seed`, with a soft decay on each note. */
export function chime(seed: number, seconds = 3): Buffer {
  const notes = [523.25, 659.25, 783.99].map((f, i) => f * (1 + ((seed + i) % 3) * 0.06));
  const samples = new Int16Array(SAMPLE_RATE * seconds);
  const noteLength = samples.length / notes.length;
  for (let i = 0; i < samples.length; i++) {
    const note = Math.min(notes.length - 1, Math.floor(i / noteLength));
    const t = (i - note * noteLength) / SAMPLE_RATE;
    samples[i] = Math.round(Math.sin(2 * Math.PI * notes[note]! * t) * Math.exp(-3 * t) * 0.4 * 32767);
  }
  return wav(samples);
}

/** Writes a chime to the temp folder; returns its path and size. */
export async function writeChime(seed: number, name: string): Promise<{ filepath: string; size: number }> {
  const buffer = chime(seed);
  const filepath = path.join(os.tmpdir(), `cchc-seed-${process.pid}-${name}.wav`);
  await fs.writeFile(filepath, buffer);
  return { filepath, size: buffer.length };
}
