//! `coro install` and `coro uninstall`: the kernelspec in the Jupyter data directories.
//!
//! The locations are those `python -m ipykernel install` uses with the same flags (they come
//! from jupyter_core's paths and jupyter_client's `KernelSpecManager`):
//! - no flag: the system-wide directory, `/usr/local/share/jupyter/kernels/NAME`;
//! - `--user`: `$JUPYTER_DATA_DIR`, else `$XDG_DATA_HOME/jupyter`, else
//!   `~/.local/share/jupyter` (`~/Library/Jupyter` on macOS), then `kernels/NAME`;
//! - `--prefix DIR`: `DIR/share/jupyter/kernels/NAME`;
//! - `--sys-prefix`: the same under the Python environment's prefix (`$VIRTUAL_ENV`, else
//!   `$CONDA_PREFIX`, else what `python3` reports as `sys.prefix`), since Jupyter is installed
//!   there and a Rust binary has no `sys.prefix` of its own.
//!
//! The spec written is the repository's `kernel.json` template with `argv[0]` replaced by the
//! absolute path of the running binary, plus the logo. Names are lowercased and checked as
//! jupyter_client checks them; an existing spec of the same name is replaced.
//!
//! What this does not do: search for specs to remove in every directory (`uninstall` takes the
//! same location flags as `install`).

use std::path::{Path, PathBuf};

use serde_json::Value;

/// The kernelspec template at the repository root.
pub const KERNEL_JSON: &str = include_str!("../../kernel.json");

/// The scalable logo JupyterLab's launcher shows.
pub const LOGO_SVG: &str = include_str!("../data/logo-svg.svg");

/// The default kernelspec name.
pub const DEFAULT_NAME: &str = "coro";

/// Which Jupyter data directory to use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    System,
    User,
    SysPrefix,
    Prefix(PathBuf),
}

/// Why an install or uninstall could not be done.
#[derive(Debug, thiserror::Error)]
pub enum InstallError {
    #[error("Invalid kernel name {0:?}.  Kernel names can only contain ASCII letters and numbers and these separators: - . _ (hyphen, period, and underscore).")]
    InvalidName(String),
    #[error("cannot find the home directory (HOME is not set)")]
    NoHome,
    #[error("cannot find the Python prefix for --sys-prefix (no VIRTUAL_ENV, no CONDA_PREFIX, and python3 did not answer); use --prefix DIR")]
    NoSysPrefix,
    #[error("no kernelspec {name} in {dir}")]
    NotInstalled { name: String, dir: String },
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> InstallError + '_ {
    move |source| InstallError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// Checks and normalizes a kernel name as jupyter_client does.
pub fn kernel_name(name: &str) -> Result<String, InstallError> {
    let name = name.to_lowercase();
    let valid = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'));
    if valid {
        Ok(name)
    } else {
        Err(InstallError::InvalidName(name))
    }
}

/// The `kernels` directory for a location, reading the environment through `env`.
pub fn kernels_dir(
    location: &Location,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<PathBuf, InstallError> {
    let data_dir = match location {
        Location::System => PathBuf::from("/usr/local/share/jupyter"),
        Location::User => user_data_dir(env)?,
        Location::Prefix(prefix) => std::path::absolute(prefix)
            .map_err(io_error(prefix))?
            .join("share/jupyter"),
        Location::SysPrefix => sys_prefix(env)?.join("share/jupyter"),
    };
    Ok(data_dir.join("kernels"))
}

/// jupyter_core's `jupyter_data_dir()`.
fn user_data_dir(env: &dyn Fn(&str) -> Option<String>) -> Result<PathBuf, InstallError> {
    let set = |key: &str| env(key).filter(|v| !v.is_empty());
    if let Some(dir) = set("JUPYTER_DATA_DIR") {
        return Ok(PathBuf::from(dir));
    }
    let home = set("HOME").map(PathBuf::from).ok_or(InstallError::NoHome)?;
    if cfg!(target_os = "macos") {
        return Ok(home.join("Library/Jupyter"));
    }
    let xdg = set("XDG_DATA_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| home.join(".local/share"));
    Ok(xdg.join("jupyter"))
}

fn sys_prefix(env: &dyn Fn(&str) -> Option<String>) -> Result<PathBuf, InstallError> {
    for key in ["VIRTUAL_ENV", "CONDA_PREFIX"] {
        if let Some(dir) = env(key).filter(|v| !v.is_empty()) {
            return Ok(PathBuf::from(dir));
        }
    }
    let output = std::process::Command::new("python3")
        .args(["-c", "import sys; print(sys.prefix)"])
        .output()
        .map_err(|_| InstallError::NoSysPrefix)?;
    let prefix = String::from_utf8_lossy(&output.stdout).trim().to_string();
    if output.status.success() && !prefix.is_empty() {
        Ok(PathBuf::from(prefix))
    } else {
        Err(InstallError::NoSysPrefix)
    }
}

/// The kernel.json to write: the template with our binary and display name, and `env` if
/// any variables are given.
pub fn kernel_spec(exe: &Path, display_name: &str, env: &[(String, String)]) -> Value {
    // The template is part of the binary and checked by a unit test, so it parses.
    let mut spec: Value =
        serde_json::from_str(KERNEL_JSON).unwrap_or_else(|_| serde_json::json!({}));
    spec["argv"] = serde_json::json!([
        exe.display().to_string(),
        "kernel",
        "-f",
        "{connection_file}"
    ]);
    spec["display_name"] = Value::String(display_name.to_string());
    if !env.is_empty() {
        spec["env"] = env
            .iter()
            .map(|(k, v)| (k.clone(), Value::String(v.clone())))
            .collect::<serde_json::Map<_, _>>()
            .into();
    }
    spec
}

/// Writes the kernelspec; returns its directory.
pub fn install(
    location: &Location,
    name: &str,
    display_name: &str,
    env: &[(String, String)],
) -> Result<PathBuf, InstallError> {
    let name = kernel_name(name)?;
    let exe = std::env::current_exe().map_err(io_error(Path::new("current executable")))?;
    let dir = kernels_dir(location, &|key| std::env::var(key).ok())?.join(&name);
    if dir.is_dir() {
        std::fs::remove_dir_all(&dir).map_err(io_error(&dir))?;
    }
    std::fs::create_dir_all(&dir).map_err(io_error(&dir))?;
    let spec = kernel_spec(&exe, display_name, env);
    let mut text = crate::notebook::to_json_text(&spec);
    text.push('\n');
    let json_path = dir.join("kernel.json");
    std::fs::write(&json_path, text).map_err(io_error(&json_path))?;
    let logo_path = dir.join("logo-svg.svg");
    std::fs::write(&logo_path, LOGO_SVG).map_err(io_error(&logo_path))?;
    Ok(dir)
}

/// Removes the kernelspec; returns the directory removed.
pub fn uninstall(location: &Location, name: &str) -> Result<PathBuf, InstallError> {
    let name = kernel_name(name)?;
    let kernels = kernels_dir(location, &|key| std::env::var(key).ok())?;
    let dir = kernels.join(&name);
    if !dir.join("kernel.json").is_file() {
        return Err(InstallError::NotInstalled {
            name,
            dir: kernels.display().to_string(),
        });
    }
    std::fs::remove_dir_all(&dir).map_err(io_error(&dir))?;
    Ok(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(location: Location, vars: &[(&str, &str)], expect: &str) {
        let env = |key: &str| {
            vars.iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v.to_string())
        };
        let got = kernels_dir(&location, &env).map(|p| p.display().to_string());
        assert_eq!(
            got.unwrap_or_else(|e| e.to_string()),
            expect,
            "{location:?} {vars:?}"
        );
    }

    #[test]
    fn locations_match_jupyter_core() {
        check(Location::System, &[], "/usr/local/share/jupyter/kernels");
        check(
            Location::Prefix("/opt/env".into()),
            &[],
            "/opt/env/share/jupyter/kernels",
        );
        check(Location::User, &[("JUPYTER_DATA_DIR", "/d")], "/d/kernels");
        if !cfg!(target_os = "macos") {
            check(
                Location::User,
                &[("HOME", "/h")],
                "/h/.local/share/jupyter/kernels",
            );
            check(
                Location::User,
                &[("HOME", "/h"), ("XDG_DATA_HOME", "/x")],
                "/x/jupyter/kernels",
            );
        }
        check(
            Location::User,
            &[],
            "cannot find the home directory (HOME is not set)",
        );
        check(
            Location::SysPrefix,
            &[("VIRTUAL_ENV", "/venv")],
            "/venv/share/jupyter/kernels",
        );
        check(
            Location::SysPrefix,
            &[("CONDA_PREFIX", "/conda")],
            "/conda/share/jupyter/kernels",
        );
    }

    #[test]
    fn names_are_checked_like_jupyter_client() {
        assert_eq!(kernel_name("Coro-2.x_y").unwrap(), "coro-2.x_y");
        assert!(kernel_name("no spaces").is_err());
        assert!(kernel_name("").is_err());
        assert!(kernel_name("über").is_err());
    }

    #[test]
    fn spec_points_at_the_binary_and_has_no_debugger() {
        let spec = kernel_spec(
            Path::new("/opt/bin/coro"),
            "Coro (test)",
            &[("A".into(), "1".into())],
        );
        assert_eq!(
            spec["argv"],
            serde_json::json!(["/opt/bin/coro", "kernel", "-f", "{connection_file}"])
        );
        assert_eq!(spec["display_name"], "Coro (test)");
        assert_eq!(spec["language"], "python");
        assert_eq!(spec["interrupt_mode"], "message");
        assert_eq!(spec["env"]["A"], "1");
        assert!(spec["metadata"].get("debugger").is_none());
    }
}
