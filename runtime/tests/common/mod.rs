//! Helpers shared by the syntax test files: the snippet file format of
//! `runtime/tests/syntax/*.txt` (see `tests/record_syntax.py`, which reads the same format).

#![allow(dead_code)]

use std::path::PathBuf;

/// One snippet of a corpus file.
pub struct Snippet {
    pub name: String,
    pub flags: Vec<String>,
    pub source: String,
}

/// The corpus directory, `runtime/tests/syntax`.
pub fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("syntax")
}

pub fn read_file(name: &str) -> String {
    let path = corpus_dir().join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

/// Splits a corpus file: a line `### name [flags]` starts a snippet, which runs to the next
/// such line; the text is the lines in between, joined with `\n`, without a final newline.
pub fn snippets(text: &str) -> Vec<Snippet> {
    let mut out: Vec<Snippet> = Vec::new();
    let mut lines: Vec<&str> = Vec::new();
    let mut current: Option<(String, Vec<String>)> = None;
    let finish = |current: &mut Option<(String, Vec<String>)>,
                  lines: &mut Vec<&str>,
                  out: &mut Vec<Snippet>| {
        if let Some((name, flags)) = current.take() {
            out.push(Snippet {
                name,
                flags,
                source: lines.join("\n"),
            });
        }
        lines.clear();
    };
    for line in text.split('\n') {
        if let Some(header) = line.strip_prefix("### ") {
            finish(&mut current, &mut lines, &mut out);
            let mut parts = header.split_whitespace();
            let name = parts.next().unwrap_or("").to_string();
            let flags = parts
                .map(|f| f.trim_matches(['[', ']']).to_string())
                .collect();
            current = Some((name, flags));
        } else if current.is_some() {
            lines.push(line);
        }
    }
    if lines.last() == Some(&"") {
        lines.pop();
    }
    finish(&mut current, &mut lines, &mut out);
    out
}

/// The Python examples of the course material: every ```python block of
/// `/work/shared/seeds/*.txt`, dedented to its fence. A block ends at a closing fence or at a
/// `---` rule (one block in the material lacks its closing fence).
pub fn seed_examples() -> Vec<(String, String)> {
    let dir = PathBuf::from("/work/shared/seeds");
    let mut files: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect(),
        Err(_) => return Vec::new(),
    };
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let lines: Vec<&str> = text.split('\n').collect();
        let mut i = 0;
        while i < lines.len() {
            let trimmed = lines[i].trim_start();
            if trimmed.trim_end() == "```python" {
                let indent = lines[i].len() - trimmed.len();
                let mut block = Vec::new();
                let mut j = i + 1;
                while j < lines.len() {
                    let t = lines[j].trim();
                    if t == "```" || t == "---" {
                        break;
                    }
                    let line = lines[j];
                    let cut = line
                        .char_indices()
                        .take_while(|&(k, c)| k < indent && c == ' ')
                        .count();
                    block.push(&line[cut..]);
                    j += 1;
                }
                let name = format!(
                    "{}:{}",
                    path.file_name().unwrap_or_default().to_string_lossy(),
                    i + 1
                );
                out.push((name, block.join("\n")));
                i = j;
            }
            i += 1;
        }
    }
    out
}

/// The benchmark programs, `/work/shared/bench/programs/*.py`.
pub fn bench_programs() -> Vec<(String, String)> {
    let dir = PathBuf::from("/work/shared/bench/programs");
    let mut out: Vec<(String, String)> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "py"))
            .map(|p| {
                let text = std::fs::read_to_string(&p).unwrap_or_default();
                (
                    p.file_name()
                        .unwrap_or_default()
                        .to_string_lossy()
                        .into_owned(),
                    text,
                )
            })
            .collect(),
        Err(_) => Vec::new(),
    };
    out.sort();
    out
}
