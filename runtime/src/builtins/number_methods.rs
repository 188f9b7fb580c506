//! Methods of `int` and `float`.

use super::methods::Methods;

pub const INT: Methods = &[];

pub const INT_CLASS: Methods = &[];

pub const FLOAT: Methods = &[];

pub const FLOAT_CLASS: Methods = &[];
