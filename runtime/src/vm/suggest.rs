//! "Did you mean" suggestions for `NameError` and `AttributeError`, as CPython 3.11's
//! traceback display computes them (`traceback._compute_suggestion_error`).
//!
//! The candidates are the names visible where the name was looked up (locals, globals,
//! builtins) or `dir()` of the object; the closest one by a Levenshtein distance in which a
//! change of case costs half a substitution wins, within a third of the characters.

use crate::object::exception::PyException;
use crate::object::value::Value;

use super::Vm;

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

/// `substitution_cost` of CPython 3.11's `Python/suggestions.c`, on bytes: a change of ASCII
/// case costs half a substitution.
fn substitution_cost(a: u8, b: u8) -> usize {
    if a & 31 != b & 31 {
        MOVE_COST
    } else if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// `levenshtein_distance` of `Python/suggestions.c`, on the UTF-8 bytes of the names.
fn levenshtein(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    if a == b {
        return 0;
    }
    let mut pre = 0;
    while pre < a.len() && pre < b.len() && a[pre] == b[pre] {
        pre += 1;
    }
    let (mut a, mut b) = (&a[pre..], &b[pre..]);
    let mut post = 0;
    while post < a.len() && post < b.len() && a[a.len() - 1 - post] == b[b.len() - 1 - post] {
        post += 1;
    }
    a = &a[..a.len() - post];
    b = &b[..b.len() - post];
    if a.is_empty() || b.is_empty() {
        return MOVE_COST * (a.len() + b.len());
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bindex, &bchar) in b.iter().enumerate() {
        let mut distance = bindex * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (index, &achar) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(bchar, achar);
            distance = row[index];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[index] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// `calculate_suggestions` of `Python/suggestions.c`: the first candidate closest to `wrong`,
/// if one is close enough (no more than a third of the characters changed).
fn best_match(wrong: &str, candidates: &[String]) -> Option<String> {
    if candidates.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let w = wrong.as_bytes();
    let mut best_distance = usize::MAX;
    let mut suggestion: Option<String> = None;
    for name in candidates {
        if name == wrong {
            continue;
        }
        let n = name.as_bytes();
        let max_distance =
            ((n.len() + w.len() + 3) * MOVE_COST / 6).min(best_distance.saturating_sub(1));
        let d = levenshtein(w, n, max_distance);
        if d > max_distance {
            continue;
        }
        if suggestion.is_none() || d < best_distance {
            suggestion = Some(name.clone());
            best_distance = d;
        }
    }
    suggestion
}

impl Vm {
    /// The name to suggest for a `NameError` or `AttributeError`, if any.
    pub fn suggestion(&mut self, exc: &PyException) -> Option<String> {
        let t = crate::object::types::types();
        let Some(Value::Str(wrong)) = exc.get_attr("name") else {
            return None;
        };
        let keys = |d: &crate::object::dict::PyDict| -> Vec<String> {
            d.keys()
                .into_iter()
                .filter_map(|k| match k {
                    Value::Str(s) => Some(s.as_str().to_string()),
                    _ => None,
                })
                .collect()
        };
        if exc.is_instance(&t.attribute_error) {
            let obj = exc.get_attr("obj")?;
            let names: Vec<String> = crate::builtins::introspect::dir_names(self, &obj)
                .into_iter()
                .filter_map(|v| match v {
                    Value::Str(s) => Some(s.as_str().to_string()),
                    _ => None,
                })
                .collect();
            return best_match(wrong.as_str(), &names);
        }
        if !exc.is_instance(&t.name_error) {
            return None;
        }
        // The frame's locals, then its globals, then the builtins, each list on its own, as
        // `offer_suggestions_for_name_error` does.
        let entry = exc.traceback.borrow().first().cloned()?;
        let code = &entry.code;
        if code.flags & crate::bytecode::flags::NAMESPACE == 0 {
            let nlocals = code.nslots() - code.nfree as usize;
            let locals: Vec<String> = code.varnames[..nlocals]
                .iter()
                .filter(|n| !n.starts_with('.'))
                .map(|n| n.as_str().to_string())
                .collect();
            if let Some(s) = best_match(wrong.as_str(), &locals) {
                return Some(s);
            }
        }
        if let Some(s) = best_match(wrong.as_str(), &keys(&entry.globals)) {
            return Some(s);
        }
        let builtins = self.builtins.clone();
        best_match(wrong.as_str(), &keys(&builtins))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(wrong: &str, candidates: &[&str], expect: Option<&str>) {
        let c: Vec<String> = candidates.iter().map(|s| s.to_string()).collect();
        assert_eq!(best_match(wrong, &c).as_deref(), expect);
    }

    #[test]
    fn close_names_win() {
        check("prnt", &["print", "len"], Some("print"));
        check("countr", &["count", "counter"], Some("count"));
        check("xyzzy", &["print", "len"], None);
        check("Print", &["print"], Some("print"));
        check("xx", &["__init__", "x", "y"], Some("x"));
    }
}
