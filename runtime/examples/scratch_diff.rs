use std::io::Read;
fn main() {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).unwrap();
    for src in text.split("\n\u{1}\n") {
        let r = coro_runtime::syntax::parse(src);
        match r {
            Ok(_) => println!("ok"),
            Err(e) => println!(
                "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                e.class_name(),
                e.msg,
                e.location.lineno,
                e.location.offset,
                e.location.end_lineno,
                e.location.end_offset,
                e.incomplete
            ),
        }
    }
}
