//! The `coro` command line.
//!
//! - `coro FILE.py [ARGS...]`, `coro -c CODE`: run a program as `python3` does.
//! - `coro kernel -f CONNECTION_FILE`: the Jupyter kernel.
//! - `coro install [--user | --sys-prefix | --prefix DIR] [--name NAME] [--display-name TEXT]`
//!   and `coro uninstall`: the kernelspec.
//! - `coro execute NB.ipynb [--output OUT] [--allow-errors] [--timeout S]`: run a notebook
//!   headlessly and write its outputs.
//! - `coro check NB.ipynb...`: run notebooks and compare with their stored outputs.
//!
//! This is the only place `anyhow` is used: every error ends here as a message and an exit
//! status.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};

use coro_kernel::install::{self, Location};
use coro_kernel::notebook::{self, RunOptions};
use coro_kernel::script::{self, Exit, Program};

#[derive(Parser)]
#[command(
    name = "coro",
    version,
    about = "Coro: a coroutine language (a strict subset of Python 3.11) with a Jupyter kernel",
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true
)]
struct Cli {
    /// Program passed in as a string (like python3 -c); FILE and ARGS then become its
    /// arguments.
    #[arg(short = 'c', value_name = "CODE")]
    code: Option<String>,

    /// The program file to run.
    #[arg(value_name = "FILE")]
    file: Option<String>,

    /// Arguments for the program (not yet visible to it as sys.argv).
    #[arg(
        value_name = "ARGS",
        trailing_var_arg = true,
        allow_hyphen_values = true
    )]
    args: Vec<String>,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the Jupyter kernel (started by Jupyter through the kernelspec).
    Kernel {
        /// The connection file written by the frontend.
        #[arg(short = 'f', long = "connection-file", value_name = "CONNECTION_FILE")]
        connection_file: String,
    },
    /// Install the Coro kernelspec, as `python -m ipykernel install` does.
    Install {
        #[command(flatten)]
        location: LocationArgs,
        /// The kernelspec name.
        #[arg(long, default_value = install::DEFAULT_NAME)]
        name: String,
        /// The name shown in Jupyter's launcher and kernel menus.
        #[arg(long, default_value = "Coro")]
        display_name: String,
        /// Set an environment variable for the kernel (repeatable).
        #[arg(long, num_args = 2, value_names = ["ENV", "VALUE"], action = clap::ArgAction::Append)]
        env: Vec<String>,
    },
    /// Remove a kernelspec installed by `coro install` with the same flags.
    Uninstall {
        #[command(flatten)]
        location: LocationArgs,
        /// The kernelspec name.
        #[arg(long, default_value = install::DEFAULT_NAME)]
        name: String,
    },
    /// Run a notebook's code cells and write their outputs.
    Execute {
        /// The notebook to run.
        notebook: PathBuf,
        /// Write the executed notebook here instead of in place.
        #[arg(long, short = 'o', value_name = "OUT")]
        output: Option<PathBuf>,
        /// Run every cell even after errors.
        #[arg(long)]
        allow_errors: bool,
        /// Interrupt and fail a cell that runs longer than this many seconds.
        #[arg(long, value_name = "S")]
        timeout: Option<f64>,
    },
    /// Run notebooks and compare their outputs with those stored in them.
    Check {
        /// The notebooks to check.
        #[arg(required = true)]
        notebooks: Vec<PathBuf>,
        /// Interrupt and fail a cell that runs longer than this many seconds.
        #[arg(long, value_name = "S")]
        timeout: Option<f64>,
    },
}

#[derive(Args)]
#[group(multiple = false)]
struct LocationArgs {
    /// For the current user instead of system-wide.
    #[arg(long)]
    user: bool,
    /// Into the Python environment's prefix (for virtual and conda environments).
    #[arg(long)]
    sys_prefix: bool,
    /// Into DIR/share/jupyter/kernels.
    #[arg(long, value_name = "DIR")]
    prefix: Option<PathBuf>,
}

impl LocationArgs {
    fn location(&self) -> Location {
        if self.user {
            Location::User
        } else if self.sys_prefix {
            Location::SysPrefix
        } else if let Some(dir) = &self.prefix {
            Location::Prefix(dir.clone())
        } else {
            Location::System
        }
    }
}

fn timeout(seconds: Option<f64>) -> anyhow::Result<Option<Duration>> {
    seconds
        .map(|s| {
            Duration::try_from_secs_f64(s)
                .context("--timeout must be a non-negative number of seconds")
        })
        .transpose()
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(command) => run_command(command),
        None => {
            let program = match (cli.code, cli.file) {
                (Some(code), _) => Program::Code(code),
                (None, Some(file)) => Program::File(file),
                (None, None) => {
                    eprintln!("coro: no program given (try `coro FILE.py`, `coro -c CODE` or `coro --help`)");
                    return ExitCode::from(2);
                }
            };
            match script::run(program) {
                Exit::Status(status) => Ok(status),
                Exit::Sigint => coro_kernel::signals::die_by_sigint(),
            }
        }
    };
    match result {
        Ok(status) => ExitCode::from(status.clamp(0, 255) as u8),
        Err(error) => {
            eprintln!("coro: {error:#}");
            ExitCode::from(1)
        }
    }
}

fn run_command(command: Command) -> anyhow::Result<i32> {
    match command {
        Command::Kernel { connection_file } => {
            coro_kernel::server::run(&connection_file)?;
            // Threads still blocked in the session or on sockets must not keep us alive.
            std::process::exit(0)
        }
        Command::Install {
            location,
            name,
            display_name,
            env,
        } => {
            let env: Vec<(String, String)> = env
                .chunks(2)
                .map(|kv| (kv[0].clone(), kv[1].clone()))
                .collect();
            let dir = install::install(&location.location(), &name, &display_name, &env)?;
            println!("Installed kernelspec {name} in {}", dir.display());
            Ok(0)
        }
        Command::Uninstall { location, name } => {
            let dir = install::uninstall(&location.location(), &name)?;
            println!("Removed {}", dir.display());
            Ok(0)
        }
        Command::Execute {
            notebook: path,
            output,
            allow_errors,
            timeout: seconds,
        } => {
            let options = RunOptions {
                allow_errors,
                timeout: timeout(seconds)?,
            };
            let nb = notebook::load(&path)?;
            let (nb, summary) = notebook::execute(nb, options);
            let target = output.unwrap_or(path);
            notebook::save(&target, &nb)?;
            match summary.failure {
                Some(failure) => {
                    eprint!("{}", failure.message());
                    Ok(1)
                }
                None => {
                    eprintln!(
                        "Executed {} cells; wrote {}",
                        summary.executed,
                        target.display()
                    );
                    Ok(0)
                }
            }
        }
        Command::Check {
            notebooks,
            timeout: seconds,
        } => {
            let options = RunOptions {
                allow_errors: true,
                timeout: timeout(seconds)?,
            };
            let mut failed = 0;
            for path in &notebooks {
                let stored = notebook::load(path)?;
                let (produced, summary) = notebook::execute(stored.clone(), options.clone());
                let mut problems = notebook::compare(&stored, &produced);
                if let Some(failure) = summary.failure {
                    problems.push(failure.message());
                }
                if problems.is_empty() {
                    println!(
                        "{}: ok ({} cells match CPython)",
                        path.display(),
                        summary.executed
                    );
                } else {
                    failed += 1;
                    println!(
                        "{}: {} cell(s) differ from CPython",
                        path.display(),
                        problems.len()
                    );
                    for problem in problems {
                        println!("{problem}");
                    }
                }
            }
            if notebooks.len() > 1 {
                println!(
                    "{} notebooks checked: {} match CPython, {failed} differ",
                    notebooks.len(),
                    notebooks.len() - failed
                );
            }
            Ok(i32::from(failed > 0))
        }
    }
}
