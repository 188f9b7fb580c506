//! CPython's hash functions, bit for bit.
//!
//! Set iteration order depends on hash values, so Coro computes the same hashes as CPython 3.11
//! on a 64-bit build: the numeric hash modulo 2**61 - 1 (so `hash(1) == hash(1.0) ==
//! hash(True)`), xxHash-style tuple hashing, the frozenset mix, and SipHash-1-3 for strings
//! and bytes with the all-zero key that `PYTHONHASHSEED=0` selects (the conformance recorder
//! runs CPython with that seed).
//!
//! Hashing of instances with `__hash__` is the VM's business, not this module's.

use num_bigint::{BigInt, Sign};
use num_traits::{ToPrimitive, Zero};

/// `sys.hash_info.modulus`: 2**61 - 1.
pub const MODULUS: u64 = (1 << 61) - 1;
const BITS: u32 = 61;
/// `sys.hash_info.inf`.
pub const INF: i64 = 314_159;

/// Maps the reserved error value -1 to -2, as every CPython hash does.
fn fix(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

pub fn hash_int(i: i64) -> i64 {
    let m = MODULUS as i64;
    let h = if i >= 0 {
        i % m
    } else {
        -((-(i as i128)) % m as i128) as i64
    };
    fix(h)
}

pub fn hash_bigint(b: &BigInt) -> i64 {
    let m = BigInt::from(MODULUS);
    let r = (b.magnitude() % m.magnitude()).to_i64().unwrap_or(0);
    let h = if b.sign() == Sign::Minus { -r } else { r };
    fix(h)
}

/// `_Py_HashDouble`. NaN hashes by identity in CPython; the caller passes the object's id.
pub fn hash_float(v: f64, nan_id: i64) -> i64 {
    if !v.is_finite() {
        if v.is_infinite() {
            return if v > 0.0 { INF } else { -INF };
        }
        return fix(nan_id >> 4);
    }
    if v.is_zero() {
        return 0;
    }
    let (mut m, mut e) = frexp(v);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | x >> (BITS - 28);
        m *= 268_435_456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 {
        (e % BITS as i32) as u32
    } else {
        BITS - 1 - ((-1 - e) % BITS as i32) as u32
    };
    x = ((x << e) & MODULUS) | x >> (BITS - e);
    let x = (x as i64).wrapping_mul(sign);
    fix(x)
}

/// `frexp`: `v == m * 2**e` with `0.5 <= |m| < 1`.
fn frexp(v: f64) -> (f64, i32) {
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale up first.
        let (m, e) = frexp(v * (1u64 << 54) as f64);
        return (m, e - 54);
    }
    let e = exp - 1022;
    let m_bits = (bits & !(0x7ff << 52)) | (1022 << 52);
    (f64::from_bits(m_bits), e)
}

const XXPRIME_1: u64 = 11400714785074694791;
const XXPRIME_2: u64 = 14029467366897019727;
const XXPRIME_5: u64 = 2870177450012600261;

/// Hashes a tuple from its items' hashes (`tuplehash`).
pub fn hash_tuple(item_hashes: impl ExactSizeIterator<Item = i64>) -> i64 {
    let len = item_hashes.len() as u64;
    let mut acc = XXPRIME_5;
    for lane in item_hashes {
        acc = acc.wrapping_add((lane as u64).wrapping_mul(XXPRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(XXPRIME_1);
    }
    acc = acc.wrapping_add(len ^ (XXPRIME_5 ^ 3527539));
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as i64
}

fn shuffle_bits(h: u64) -> u64 {
    ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
}

/// Hashes a frozenset from its items' hashes (`frozenset_hash`); independent of order.
pub fn hash_frozenset(item_hashes: impl ExactSizeIterator<Item = i64>) -> i64 {
    let len = item_hashes.len() as u64;
    let mut hash: u64 = 0;
    for h in item_hashes {
        hash ^= shuffle_bits(h as u64);
    }
    hash ^= (len + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    if hash == u64::MAX {
        hash = 590923713;
    }
    hash as i64
}

/// `hash(str)`: SipHash-1-3 over the canonical (Latin-1, UCS-2 or UCS-4) code units.
pub fn hash_str(text: &str) -> i64 {
    if text.is_empty() {
        return 0;
    }
    let max = text.chars().map(|c| c as u32).max().unwrap_or(0);
    let mut units: Vec<u8>;
    let bytes: &[u8] = if text.is_ascii() {
        text.as_bytes()
    } else if max < 0x100 {
        units = text.chars().map(|c| c as u32 as u8).collect();
        &units
    } else if max < 0x10000 {
        units = Vec::with_capacity(text.len() * 2);
        for c in text.chars() {
            units.extend_from_slice(&(c as u32 as u16).to_le_bytes());
        }
        &units
    } else {
        units = Vec::with_capacity(text.len() * 4);
        for c in text.chars() {
            units.extend_from_slice(&(c as u32).to_le_bytes());
        }
        &units
    };
    fix(siphash13(0, 0, bytes) as i64)
}

/// `hash(bytes)`.
pub fn hash_bytes(bytes: &[u8]) -> i64 {
    if bytes.is_empty() {
        return 0;
    }
    fix(siphash13(0, 0, bytes) as i64)
}

fn siphash13(k0: u64, k1: u64, src: &[u8]) -> u64 {
    let mut b: u64 = (src.len() as u64) << 56;
    let mut v0 = k0 ^ 0x736f6d6570736575;
    let mut v1 = k1 ^ 0x646f72616e646f6d;
    let mut v2 = k0 ^ 0x6c7967656e657261;
    let mut v3 = k1 ^ 0x7465646279746573;

    #[inline(always)]
    fn round(v0: &mut u64, v1: &mut u64, v2: &mut u64, v3: &mut u64) {
        *v0 = v0.wrapping_add(*v1);
        *v2 = v2.wrapping_add(*v3);
        *v1 = v1.rotate_left(13) ^ *v0;
        *v3 = v3.rotate_left(16) ^ *v2;
        *v0 = v0.rotate_left(32);
        *v2 = v2.wrapping_add(*v1);
        *v0 = v0.wrapping_add(*v3);
        *v1 = v1.rotate_left(17) ^ *v2;
        *v3 = v3.rotate_left(21) ^ *v0;
        *v2 = v2.rotate_left(32);
    }

    let mut chunks = src.chunks_exact(8);
    for chunk in &mut chunks {
        let mi = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        v3 ^= mi;
        round(&mut v0, &mut v1, &mut v2, &mut v3);
        v0 ^= mi;
    }
    let mut tail = [0u8; 8];
    let rest = chunks.remainder();
    tail[..rest.len()].copy_from_slice(rest);
    b |= u64::from_le_bytes(tail);
    v3 ^= b;
    round(&mut v0, &mut v1, &mut v2, &mut v3);
    v0 ^= b;
    v2 ^= 0xff;
    round(&mut v0, &mut v1, &mut v2, &mut v3);
    round(&mut v0, &mut v1, &mut v2, &mut v3);
    round(&mut v0, &mut v1, &mut v2, &mut v3);
    (v0 ^ v1) ^ (v2 ^ v3)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values recorded with `PYTHONHASHSEED=0 python3.11 -c 'print(hash(...))'`.
    #[test]
    fn matches_cpython() {
        assert_eq!(hash_str("abc"), -4594863902769663758);
        assert_eq!(hash_str("é"), 6047309291227476195);
        assert_eq!(
            hash_tuple([hash_int(1), hash_int(2)].into_iter()),
            -3550055125485641917
        );
        assert_eq!(hash_float(1.5, 0), 1152921504606846977);
        assert_eq!(hash_int(-1), -2);
    }
}
