import 'server-only';
import type { TFormObject, TFormValue } from './types';

/**
 * Decodes Stripe's form encoding (`line_items[0][price_data][currency]=cny`) into nested
 * objects and arrays, as the Stripe API reads it. Numeric segments make arrays.
 */
export function parseStripeForm(text: string): TFormObject {
  const root: TFormObject = {};
  if (!text) return root;
  for (const [rawKey, value] of new URLSearchParams(text)) {
    const segments = splitKey(rawKey);
    if (segments.length === 0) continue;
    assign(root, segments, value);
  }
  return normaliseArrays(root) as TFormObject;
}

function splitKey(key: string): string[] {
  const first = key.indexOf('[');
  if (first === -1) return [key];
  const segments = [key.slice(0, first)];
  const pattern = /\[([^\]]*)\]/g;
  for (const match of key.slice(first).matchAll(pattern)) segments.push(match[1] ?? '');
  return segments;
}

type TMutable = { [key: string]: TMutable | string };

function assign(root: TFormObject, segments: string[], value: string): void {
  let node = root as unknown as TMutable;
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    if (last) {
      node[segment] = value;
      return;
    }
    const next = node[segment];
    if (typeof next !== 'object') node[segment] = {};
    node = node[segment] as TMutable;
  });
}

/** Objects whose keys are all 0..n-1 become arrays (the encoder writes arrays that way). */
function normaliseArrays(value: TFormValue): TFormValue {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(normaliseArrays);
  const keys = Object.keys(value);
  const entries = keys.map((k) => [k, normaliseArrays(value[k] ?? '')] as const);
  if (keys.length > 0 && keys.every((k, i) => k === String(i))) {
    return entries.map(([, v]) => v);
  }
  return Object.fromEntries(entries);
}

export function formString(body: TFormObject, key: string): string | undefined {
  const value = body[key];
  return typeof value === 'string' ? value : undefined;
}

export function formObject(body: TFormObject, key: string): TFormObject | undefined {
  const value = body[key];
  return value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}

export function formArray(body: TFormObject, key: string): TFormValue[] | undefined {
  const value = body[key];
  return Array.isArray(value) ? value : undefined;
}

/** Metadata as Stripe keeps it: string values only. */
export function formMetadata(body: TFormObject, key = 'metadata'): Record<string, string> {
  const metadata = formObject(body, key) ?? {};
  return Object.fromEntries(
    Object.entries(metadata).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}
