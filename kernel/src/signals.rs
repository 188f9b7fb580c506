//! SIGINT as an interrupt of the running cell.
//!
//! jupyter_client interrupts a kernel in signal mode by sending SIGINT to its process group;
//! a Rust process with the default disposition would die (PROTOCOL.md pitfall 13). After
//! [`install`], SIGINT instead triggers the [`Interrupt`] registered with [`set_target`], and
//! the VM raises `KeyboardInterrupt` in the running frame. Before a target is registered (the
//! session is still being built) SIGINT is ignored: no cell can be running yet.
//!
//! The handler does only async-signal-safe work: an atomic load of the target and an atomic
//! store of its flag. This module does not handle any other signal.

use std::sync::OnceLock;

use coro_runtime::Interrupt;

static TARGET: OnceLock<Interrupt> = OnceLock::new();

/// Registers the interrupt that SIGINT triggers. Only the first registration counts: there is
/// one session per process.
pub fn set_target(interrupt: Interrupt) {
    let _ = TARGET.set(interrupt);
}

extern "C" fn on_sigint(_signal: libc::c_int) {
    if let Some(interrupt) = TARGET.get() {
        interrupt.trigger();
    }
}

/// Installs the SIGINT handler. Errors (which `sigaction` only reports for invalid
/// arguments) are ignored: the kernel is still usable through `interrupt_request`.
pub fn install() {
    #[cfg(unix)]
    // SAFETY: `sigaction` is called with a zeroed, then fully initialised struct, and the
    // handler only performs atomic operations, which are async-signal-safe.
    unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = on_sigint as extern "C" fn(libc::c_int) as usize;
        action.sa_flags = libc::SA_RESTART;
        libc::sigemptyset(&mut action.sa_mask);
        libc::sigaction(libc::SIGINT, &action, std::ptr::null_mut());
    }
}

/// Puts back the default SIGINT disposition and raises SIGINT, so that a script ended by
/// KeyboardInterrupt dies by the signal as CPython does (exit status 130 in a shell).
pub fn die_by_sigint() -> ! {
    #[cfg(unix)]
    // SAFETY: restoring the default disposition and raising a signal in our own process.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_DFL);
        libc::raise(libc::SIGINT);
    }
    std::process::exit(130)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(raise: bool, expect: bool) {
        let target = TARGET.get().expect("registered").clone();
        target.clear();
        if raise {
            // SAFETY: raising SIGINT in our own process, whose handler is installed.
            unsafe {
                libc::raise(libc::SIGINT);
            }
        }
        assert_eq!(target.take(), expect);
    }

    #[test]
    fn sigint_triggers_the_registered_interrupt_instead_of_killing() {
        set_target(Interrupt::new());
        install();
        check(false, false);
        check(true, true);
        check(true, true);
    }
}
