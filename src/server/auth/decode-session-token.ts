import 'server-only';
import { createDecipheriv, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { decode } from 'next-auth/jwt';
import { base64url, calculateJwkThumbprint } from 'jose';
import { runOutsideRequests } from '../process/outside-requests';

type TDecodeParams = { token: string; secret: string; salt: string };
type TPayload = Record<string, unknown>;

/** Auth.js's own tokens: `dir` key management, AES-256-CBC + HMAC-SHA-512 content encryption. */
const ALG = 'dir';
const ENC = 'A256CBC-HS512';
/** Auth.js's decode accepts tokens up to 15 s past `exp` (clock skew). */
const CLOCK_TOLERANCE_S = 15;

type TDerivedKey = { macKey: Buffer; encKey: Buffer; kid: string };

/**
 * The key Auth.js derives for a secret and cookie name (HKDF-SHA-256, 64 bytes, its documented
 * info string) and its JWK thumbprint, the `kid` Auth.js writes into every token. Auth.js
 * derives both again on every decode; they depend only on the secret and the salt.
 */
const derivedKeys = new Map<string, Promise<TDerivedKey>>();
function derivedKey(secret: string, salt: string): Promise<TDerivedKey> {
  const cacheKey = `${salt}\n${secret}`;
  let key = derivedKeys.get(cacheKey);
  if (!key) {
    const bytes = Buffer.from(
      hkdfSync('sha256', secret, salt, `Auth.js Generated Encryption Key (${salt})`, 64),
    );
    // Kept for the process's life: made outside the request that first needs it.
    key = runOutsideRequests(() =>
      calculateJwkThumbprint({ kty: 'oct', k: base64url.encode(bytes) }, 'sha512').then((kid) => ({
        macKey: bytes.subarray(0, 32),
        encKey: bytes.subarray(32),
        kid,
      })),
    );
    derivedKeys.set(cacheKey, key);
  }
  return key;
}

/** What the fast path cannot judge: the token goes to Auth.js's own decode. */
const UNHANDLED = Symbol('unhandled');

function jsonObject(bytes: Buffer): TPayload | null {
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as TPayload) : null;
  } catch {
    return null;
  }
}

/**
 * RFC 7516 compact JWE with RFC 7518 §5.2.5 (A256CBC-HS512), in synchronous node:crypto:
 * authenticate first (HMAC-SHA-512 over AAD ‖ IV ‖ ciphertext ‖ AAD bit length, first 32 bytes,
 * compared in constant time), then decrypt, then check the time claims as jose does.
 */
async function decodeAuthJsToken(
  { token, secret, salt }: TDecodeParams,
  nowS: number,
): Promise<TPayload | null | typeof UNHANDLED> {
  const parts = token.split('.');
  if (parts.length !== 5) return null;
  const [protectedB64 = '', encryptedKey, ivB64 = '', ciphertextB64 = '', tagB64 = ''] = parts;
  const header = jsonObject(Buffer.from(protectedB64, 'base64url'));
  if (!header) return null;
  // Anything but the exact header Auth.js writes (zip, crit, replicated claims, another
  // algorithm, secret rotation) is Auth.js's decode's to judge.
  const { alg, enc, kid, ...rest } = header;
  if (alg !== ALG || enc !== ENC || Object.keys(rest).length > 0 || encryptedKey !== '') {
    return UNHANDLED;
  }
  const key = await derivedKey(secret, salt);
  if (kid !== undefined && kid !== key.kid) return UNHANDLED;

  const iv = Buffer.from(ivB64, 'base64url');
  const ciphertext = Buffer.from(ciphertextB64, 'base64url');
  const tag = Buffer.from(tagB64, 'base64url');
  if (iv.length !== 16 || tag.length !== 32 || ciphertext.length === 0) return null;
  const aad = Buffer.from(protectedB64, 'ascii');
  const aadBits = Buffer.alloc(8);
  aadBits.writeBigUInt64BE(BigInt(aad.length) * 8n);
  const expected = createHmac('sha512', key.macKey)
    .update(aad)
    .update(iv)
    .update(ciphertext)
    .update(aadBits)
    .digest()
    .subarray(0, 32);
  if (!timingSafeEqual(expected, tag)) return null;

  let plaintext: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-cbc', key.encKey, iv);
    plaintext = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    return null;
  }
  const payload = jsonObject(plaintext);
  if (!payload) return null;
  const { exp, nbf, iat } = payload;
  if (exp !== undefined && (typeof exp !== 'number' || exp <= nowS - CLOCK_TOLERANCE_S)) {
    return null;
  }
  if (nbf !== undefined && (typeof nbf !== 'number' || nbf > nowS + CLOCK_TOLERANCE_S)) {
    return null;
  }
  if (iat !== undefined && typeof iat !== 'number') return null;
  return payload;
}

/**
 * The session cookie's payload, as `next-auth/jwt`'s `decode` would return it, or null when the
 * token is not valid (forged, tampered, expired, another secret).
 *
 * Auth.js's decode costs a signed-in page about a twentieth of its server CPU: for every token it
 * derives the key again (HKDF), hashes it for the `kid`, imports two webcrypto keys, and runs
 * each step as a separate asynchronous webcrypto job, plus two more HMACs for its constant-time
 * comparison. Tokens Auth.js itself wrote are decoded here with the key derived once per process
 * and node:crypto's synchronous primitives; every other shape goes to Auth.js's decode, so
 * nothing it would accept or refuse is judged differently (checked against it in the unit test).
 */
export async function decodeSessionToken(
  params: TDecodeParams,
  nowMs: number = Date.now(),
): Promise<TPayload | null> {
  const fast = await decodeAuthJsToken(params, Math.floor(nowMs / 1000));
  if (fast !== UNHANDLED) return fast;
  try {
    return ((await decode(params)) as TPayload | null) ?? null;
  } catch {
    return null;
  }
}
