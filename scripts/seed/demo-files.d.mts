/** Types of demo-files.mjs, for the tests that call it. */
export interface DocumentText {
  title: string;
  paragraphs: readonly string[];
}
export function infographicSvg(article: { title: string; chart?: { label: string; items: Array<{ label: string; value: number }> } | null }, index: number, demoLabel: string): string;
export function chimeWav(seed: number, seconds?: number): Buffer;
export function documentPdf(text: DocumentText, demoLabel: string): Promise<Buffer>;
export function documentDocx(text: DocumentText, demoLabel: string): Promise<Buffer>;
export function writeDemoFiles(dir: string): Promise<{ images: number; audio: number; pdf: number; docx: number }>;
