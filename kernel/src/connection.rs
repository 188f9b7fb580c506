//! The connection file: where the five sockets bind and how messages are signed.
//!
//! jupyter_client writes a JSON file with `transport` (`tcp` or `ipc`), `ip`, five ports, the
//! signing `key` and `signature_scheme`, and passes its path as `-f`. [`ConnectionInfo`] reads
//! it and builds the endpoint strings exactly as jupyter_client's `connect.py::_make_url`
//! does: `tcp://IP:PORT`, or `ipc://IP-PORT` where `IP` is a path prefix.
//!
//! Deliberately unsupported: signature schemes other than `hmac-sha256` (nothing in the
//! Jupyter ecosystem writes another), and CurveZMQ encryption keys.

use serde::Deserialize;

use crate::KernelError;

/// Which ZeroMQ transport the kernel listens on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Transport {
    /// TCP on `ip`.
    Tcp,
    /// Unix domain sockets at paths `ip-PORT`.
    Ipc,
}

/// The parsed connection file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConnectionInfo {
    pub transport: Transport,
    pub ip: String,
    pub shell_port: u16,
    pub iopub_port: u16,
    pub stdin_port: u16,
    pub control_port: u16,
    pub hb_port: u16,
    /// The HMAC key as UTF-8 bytes; empty means messages are neither signed nor checked.
    pub key: Vec<u8>,
}

/// The file as jupyter_client writes it; unknown fields (`kernel_name`, `jupyter_session` ...)
/// are ignored.
#[derive(Deserialize)]
struct RawConnection {
    #[serde(default = "default_transport")]
    transport: String,
    #[serde(default = "default_ip")]
    ip: String,
    shell_port: u16,
    iopub_port: u16,
    stdin_port: u16,
    control_port: u16,
    hb_port: u16,
    #[serde(default)]
    key: String,
    #[serde(default = "default_scheme")]
    signature_scheme: String,
}

fn default_transport() -> String {
    "tcp".into()
}

fn default_ip() -> String {
    "127.0.0.1".into()
}

fn default_scheme() -> String {
    "hmac-sha256".into()
}

impl ConnectionInfo {
    /// Reads and checks the connection file at `path`.
    pub fn from_file(path: &str) -> Result<ConnectionInfo, KernelError> {
        let text = std::fs::read_to_string(path).map_err(|e| KernelError::ConnectionFile {
            path: path.into(),
            reason: e.to_string(),
        })?;
        ConnectionInfo::from_json(&text).map_err(|reason| KernelError::ConnectionFile {
            path: path.into(),
            reason,
        })
    }

    /// Parses the text of a connection file; the error is a readable reason.
    pub fn from_json(text: &str) -> Result<ConnectionInfo, String> {
        let raw: RawConnection = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let transport = match raw.transport.as_str() {
            "tcp" => Transport::Tcp,
            "ipc" => Transport::Ipc,
            other => return Err(format!("unsupported transport {other:?} (tcp or ipc)")),
        };
        if !raw.key.is_empty() && raw.signature_scheme != "hmac-sha256" {
            return Err(format!(
                "unsupported signature_scheme {:?} (only hmac-sha256)",
                raw.signature_scheme
            ));
        }
        Ok(ConnectionInfo {
            transport,
            ip: raw.ip,
            shell_port: raw.shell_port,
            iopub_port: raw.iopub_port,
            stdin_port: raw.stdin_port,
            control_port: raw.control_port,
            hb_port: raw.hb_port,
            key: raw.key.into_bytes(),
        })
    }

    /// The ZeroMQ endpoint for `port`, as jupyter_client's `_make_url` builds it.
    pub fn endpoint(&self, port: u16) -> String {
        match self.transport {
            Transport::Tcp => {
                // An IPv6 address needs brackets in a tcp endpoint.
                if self.ip.contains(':') && !self.ip.starts_with('[') {
                    format!("tcp://[{}]:{port}", self.ip)
                } else {
                    format!("tcp://{}:{port}", self.ip)
                }
            }
            Transport::Ipc => format!("ipc://{}-{port}", self.ip),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(json: &str, expect: Result<Vec<String>, &str>) {
        let got = ConnectionInfo::from_json(json).map(|c| {
            [
                c.shell_port,
                c.iopub_port,
                c.stdin_port,
                c.control_port,
                c.hb_port,
            ]
            .iter()
            .map(|&p| c.endpoint(p))
            .chain([String::from_utf8(c.key.clone()).unwrap()])
            .collect::<Vec<_>>()
        });
        match (got, expect) {
            (Ok(got), Ok(want)) => assert_eq!(got, want),
            (Err(got), Err(want)) => assert!(got.contains(want), "{got:?} lacks {want:?}"),
            (got, want) => panic!("got {got:?}, want {want:?}"),
        }
    }

    #[test]
    fn tcp_file_as_jupyter_client_writes_it() {
        check(
            r#"{"shell_port": 5001, "iopub_port": 5002, "stdin_port": 5003, "control_port": 5004,
                "hb_port": 5005, "ip": "127.0.0.1", "key": "abc", "transport": "tcp",
                "signature_scheme": "hmac-sha256", "kernel_name": "coro"}"#,
            Ok(vec![
                "tcp://127.0.0.1:5001".into(),
                "tcp://127.0.0.1:5002".into(),
                "tcp://127.0.0.1:5003".into(),
                "tcp://127.0.0.1:5004".into(),
                "tcp://127.0.0.1:5005".into(),
                "abc".into(),
            ]),
        );
    }

    #[test]
    fn ipc_endpoints_join_path_and_port_with_a_dash() {
        check(
            r#"{"shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4,
                "hb_port": 5, "ip": "/tmp/k", "key": "", "transport": "ipc"}"#,
            Ok(vec![
                "ipc:///tmp/k-1".into(),
                "ipc:///tmp/k-2".into(),
                "ipc:///tmp/k-3".into(),
                "ipc:///tmp/k-4".into(),
                "ipc:///tmp/k-5".into(),
                "".into(),
            ]),
        );
    }

    #[test]
    fn ipv6_addresses_get_brackets() {
        check(
            r#"{"shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4,
                "hb_port": 5, "ip": "::1", "key": "k"}"#,
            Ok(vec![
                "tcp://[::1]:1".into(),
                "tcp://[::1]:2".into(),
                "tcp://[::1]:3".into(),
                "tcp://[::1]:4".into(),
                "tcp://[::1]:5".into(),
                "k".into(),
            ]),
        );
    }

    #[test]
    fn bad_files_are_reported() {
        check("{", Err("EOF"));
        check(r#"{"shell_port": 1}"#, Err("missing field"));
        check(
            r#"{"shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4,
                "hb_port": 5, "transport": "udp"}"#,
            Err("unsupported transport"),
        );
        check(
            r#"{"shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4,
                "hb_port": 5, "key": "k", "signature_scheme": "hmac-md5"}"#,
            Err("unsupported signature_scheme"),
        );
    }
}
