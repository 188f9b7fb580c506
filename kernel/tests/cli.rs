//! The `coro` command line: scripts run as `python3` runs them (CPython, run live, is the
//! oracle for what they print), `--version`/`--help`, and the kernelspec installer.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn coro() -> Command {
    Command::new(env!("CARGO_BIN_EXE_coro"))
}

fn text(output: &Output) -> String {
    format!(
        "status {:?}\n--- stdout\n{}--- stderr\n{}",
        output.status.code(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("coro-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs the same program with python3 and with coro (same arguments, same directory) and
/// compares stdout, stderr (with the interpreter's name replaced) and the exit status.
fn check_like_python(dir: &Path, args: &[&str]) {
    let python = Command::new("python3")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("python3 is the oracle");
    let ours = coro().args(args).current_dir(dir).output().unwrap();
    let python_stderr = String::from_utf8_lossy(&python.stderr).to_string();
    let want = Output {
        status: python.status,
        stdout: python.stdout,
        stderr: python_stderr.into_bytes(),
    };
    assert_eq!(text(&ours), text(&want), "coro {args:?}");
}

#[test]
fn version_and_help() {
    let output = coro().arg("--version").output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        format!("coro {}\n", env!("CARGO_PKG_VERSION"))
    );
    let output = coro().arg("--help").output().unwrap();
    let help = String::from_utf8_lossy(&output.stdout);
    for word in [
        "kernel",
        "install",
        "uninstall",
        "execute",
        "check",
        "-c <CODE>",
        "[FILE]",
    ] {
        assert!(help.contains(word), "--help lacks {word}:\n{help}");
    }
}

#[test]
fn a_missing_file_is_reported_in_python3_words_with_status_2() {
    let dir = temp_dir("missing");
    let output = coro().arg("nope.py").current_dir(&dir).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let want = format!(
        "coro: can't open file '{}': [Errno 2] No such file or directory\n",
        dir.canonicalize().unwrap().join("nope.py").display()
    );
    assert_eq!(String::from_utf8_lossy(&output.stderr), want);
    // python3 says the same, with its own path in front.
    let python = Command::new("python3")
        .arg("nope.py")
        .current_dir(&dir)
        .output()
        .unwrap();
    let python_err = String::from_utf8_lossy(&python.stderr).to_string();
    assert!(python_err.ends_with(&want["coro".len()..]), "{python_err}");
    assert_eq!(python.status.code(), Some(2));
}

#[test]
fn dash_c_runs_like_python3() {
    let dir = temp_dir("dash-c");
    check_like_python(&dir, &["-c", "print('hello, world')"]);
    check_like_python(&dir, &["-c", "def f():\n    return 1/0\nf()"]);
    check_like_python(
        &dir,
        &[
            "-c",
            "import sys\nprint('out')\nprint('err', file=sys.stderr)\nraise SystemExit(3)",
        ],
    );
    check_like_python(&dir, &["-c", "raise SystemExit('goodbye')"]);
}

#[test]
fn scripts_run_like_python3_and_finalize_generators_at_exit() {
    let dir = temp_dir("script");
    std::fs::write(
        dir.join("gen.py"),
        "def g():\n    try:\n        yield 1\n        yield 2\n    finally:\n        print('finally ran')\n\nit = g()\nprint(next(it))\n",
    )
    .unwrap();
    check_like_python(&dir, &["gen.py"]);
    std::fs::write(
        dir.join("boom.py"),
        "def inner():\n    raise ValueError('boom')\n\ninner()\n",
    )
    .unwrap();
    check_like_python(&dir, &["boom.py"]);
}

#[test]
fn install_and_uninstall_into_a_prefix() {
    let dir = temp_dir("install");
    let prefix = dir.join("env");
    let output = coro()
        .args(["install", "--prefix", prefix.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", text(&output));
    let spec_dir = prefix.join("share/jupyter/kernels/coro");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        format!("Installed kernelspec coro in {}\n", spec_dir.display())
    );
    let spec: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(spec_dir.join("kernel.json")).unwrap())
            .unwrap();
    let exe = std::fs::canonicalize(env!("CARGO_BIN_EXE_coro")).unwrap();
    assert_eq!(
        std::fs::canonicalize(spec["argv"][0].as_str().unwrap()).unwrap(),
        exe
    );
    assert_eq!(
        spec["argv"].as_array().unwrap()[1..],
        [
            serde_json::json!("kernel"),
            "-f".into(),
            "{connection_file}".into()
        ]
    );
    assert_eq!(spec["display_name"], "Coro");
    assert_eq!(spec["language"], "python");
    assert!(spec_dir.join("logo-svg.svg").is_file());

    let output = coro()
        .args([
            "install",
            "--user",
            "--name",
            "Coro-Dev",
            "--display-name",
            "Coro (dev)",
        ])
        .env("JUPYTER_DATA_DIR", dir.join("user"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", text(&output));
    let user_spec = dir.join("user/kernels/coro-dev/kernel.json");
    assert!(std::fs::read_to_string(&user_spec)
        .unwrap()
        .contains("\"Coro (dev)\""));

    let output = coro()
        .args(["install", "--prefix", "x", "--user"])
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(2),
        "--user and --prefix conflict: {}",
        text(&output)
    );
    let output = coro()
        .args([
            "install",
            "--prefix",
            prefix.to_str().unwrap(),
            "--name",
            "bad name",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("Invalid kernel name"),
        "{}",
        text(&output)
    );

    let output = coro()
        .args(["uninstall", "--prefix", prefix.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", text(&output));
    assert!(!spec_dir.exists());
    let output = coro()
        .args(["uninstall", "--prefix", prefix.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(1),
        "removing twice fails: {}",
        text(&output)
    );
}
