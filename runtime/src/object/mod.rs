//! Python objects: `Value` and one file per builtin type.

pub mod bytes;
pub mod class;
pub mod dict;
pub mod exception;
pub mod formatspec;
pub mod formatting;
pub mod function;
pub mod hash;
pub mod iter;
pub mod list;
pub mod module;
pub mod native;
pub mod number;
pub mod range;
pub mod set;
pub mod str;
pub mod trashcan;
pub mod tuple;
pub mod types;
pub mod value;
