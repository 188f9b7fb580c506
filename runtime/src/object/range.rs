//! `range` and `slice` objects, and the index arithmetic they share with sequences.

use super::value::Value;

/// `range(start, stop, step)` with 64-bit bounds (larger bounds raise `OverflowError` when
/// the range is built, a documented Coro limit).
#[derive(Clone, Debug)]
pub struct PyRange {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl PyRange {
    /// The number of items, as CPython computes it.
    pub fn len(&self) -> usize {
        let (start, stop, step) = (self.start as i128, self.stop as i128, self.step as i128);
        let n = if step > 0 && start < stop {
            (stop - start - 1) / step + 1
        } else if step < 0 && start > stop {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        };
        n as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The item at a non-negative index below `len()`.
    pub fn get(&self, i: usize) -> i64 {
        self.start + self.step * i as i64
    }

    pub fn contains(&self, x: i64) -> bool {
        if self.step > 0 {
            x >= self.start && x < self.stop && (x - self.start) % self.step == 0
        } else {
            x <= self.start && x > self.stop && (self.start - x) % (-self.step) == 0
        }
    }
}

/// `slice(start, stop, step)`: any values; sequences interpret them with `indices`.
pub struct PySlice {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

/// A slice resolved against a sequence length (`slice.indices`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SliceIndices {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub len: usize,
}

impl SliceIndices {
    /// Resolves optional bounds against `length`, as `PySlice_AdjustIndices` does. `step` is
    /// not zero (the caller has raised `ValueError: slice step cannot be zero`).
    pub fn resolve(
        start: Option<i64>,
        stop: Option<i64>,
        step: i64,
        length: usize,
    ) -> SliceIndices {
        let length = length as i64;
        let (lower, upper) = if step < 0 {
            (-1, length - 1)
        } else {
            (0, length)
        };
        let clamp = |v: i64| {
            if v < 0 {
                (v + length).max(lower)
            } else {
                v.min(upper)
            }
        };
        let start = start
            .map(clamp)
            .unwrap_or(if step < 0 { upper } else { lower });
        let stop = stop
            .map(clamp)
            .unwrap_or(if step < 0 { lower } else { upper });
        let len = if step < 0 {
            if stop < start {
                (start - stop - 1) / (-step) + 1
            } else {
                0
            }
        } else if start < stop {
            (stop - start - 1) / step + 1
        } else {
            0
        };
        SliceIndices {
            start,
            stop,
            step,
            len: len as usize,
        }
    }

    /// The source positions the slice selects, in order.
    pub fn positions(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.len).map(move |i| (self.start + i as i64 * self.step) as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(start: Option<i64>, stop: Option<i64>, step: i64, len: usize, expect: &[usize]) {
        let s = SliceIndices::resolve(start, stop, step, len);
        assert_eq!(s.positions().collect::<Vec<_>>(), expect);
    }

    #[test]
    fn slices() {
        check(None, None, 1, 5, &[0, 1, 2, 3, 4]);
        check(Some(1), Some(-1), 1, 5, &[1, 2, 3]);
        check(None, None, -1, 5, &[4, 3, 2, 1, 0]);
        check(Some(-2), None, -2, 5, &[3, 1]);
        check(Some(10), Some(20), 1, 5, &[]);
        check(None, None, 2, 0, &[]);
    }

    #[test]
    fn range_lengths() {
        let r = |start, stop, step| PyRange { start, stop, step }.len();
        assert_eq!(r(0, 10, 3), 4);
        assert_eq!(r(10, 0, -3), 4);
        assert_eq!(r(0, 0, 1), 0);
        assert_eq!(r(5, 0, 1), 0);
    }
}
