//! Superinstructions: common pairs of instructions executed by one dispatch.
//!
//! After a code object is complete and verified, `fuse` rewrites the first instruction of
//! some adjacent pairs into a combined instruction that does the work of both and then skips
//! the second. The second instruction stays where it was, so a jump to it, an exception-table
//! range ending between the two, or a traceback position still means exactly what it did; an
//! error in the second half is reported at the second instruction's position. This is how
//! CPython 3.11 places its `LOAD_FAST__LOAD_FAST` family.
//!
//! Only pairs that cannot suspend the frame are fused, and only pairs where nothing can
//! observe the skipped dispatch point: the first half of every pair runs no Python code
//! (a local or constant load, a local store, or a comparison whose result only the jump
//! reads).

use crate::bytecode::Op;

/// Rewrites fusable pairs in place (see the module documentation).
pub fn fuse(ops: &mut [Op]) {
    for i in 0..ops.len().saturating_sub(1) {
        let fused = match (ops[i], ops[i + 1]) {
            (Op::LoadFast(a), Op::LoadFast(b)) => {
                pair(a, b).map(|(a, b)| Op::LoadFastLoadFast(a, b))
            }
            (Op::LoadFast(a), Op::LoadConst(b)) => {
                pair(a, b).map(|(a, b)| Op::LoadFastLoadConst(a, b))
            }
            (Op::StoreFast(a), Op::LoadFast(b)) => {
                pair(a, b).map(|(a, b)| Op::StoreFastLoadFast(a, b))
            }
            (Op::LoadFast(a), Op::LoadAttr(b)) => {
                pair(a, b).map(|(a, b)| Op::LoadFastLoadAttr(a, b))
            }
            (Op::Compare(c), Op::PopJumpIfFalse(t)) => Some(Op::CompareJumpIfFalse(c, t)),
            _ => None,
        };
        if let Some(op) = fused {
            ops[i] = op;
        }
    }
}

/// Both operands, if they fit the combined instruction's halves.
fn pair(a: u32, b: u32) -> Option<(u16, u16)> {
    Some((u16::try_from(a).ok()?, u16::try_from(b).ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::ast::CmpOp;

    fn check(input: &[Op], expect: &[Op]) {
        let mut ops = input.to_vec();
        fuse(&mut ops);
        assert_eq!(ops, expect);
    }

    #[test]
    fn fuses_pairs_and_keeps_the_second_instruction() {
        check(
            &[Op::LoadFast(1), Op::LoadFast(2), Op::Return],
            &[Op::LoadFastLoadFast(1, 2), Op::LoadFast(2), Op::Return],
        );
        check(
            &[Op::LoadFast(0), Op::LoadFast(1), Op::LoadFast(2)],
            &[
                Op::LoadFastLoadFast(0, 1),
                Op::LoadFastLoadFast(1, 2),
                Op::LoadFast(2),
            ],
        );
        check(
            &[Op::Compare(CmpOp::Lt), Op::PopJumpIfFalse(7)],
            &[Op::CompareJumpIfFalse(CmpOp::Lt, 7), Op::PopJumpIfFalse(7)],
        );
        check(
            &[Op::StoreFast(3), Op::LoadFast(4), Op::LoadConst(5)],
            &[
                Op::StoreFastLoadFast(3, 4),
                Op::LoadFastLoadConst(4, 5),
                Op::LoadConst(5),
            ],
        );
        check(
            &[Op::LoadFast(70_000), Op::LoadFast(1)],
            &[Op::LoadFast(70_000), Op::LoadFast(1)],
        );
        check(
            &[Op::Compare(CmpOp::In), Op::PopJumpIfTrue(3)],
            &[Op::Compare(CmpOp::In), Op::PopJumpIfTrue(3)],
        );
    }

    #[test]
    fn instructions_stay_eight_bytes() {
        assert_eq!(std::mem::size_of::<Op>(), 8);
    }
}
