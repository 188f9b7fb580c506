//! The kernel over ZeroMQ: each test spawns `coro kernel` with a fresh connection file and
//! drives it as a Jupyter client does (see `common/mod.rs`). Every message received is
//! checked for the header rules; each test checks one behaviour of the protocol.

mod common;

use std::time::{Duration, Instant};

use bytes::Bytes;
use common::{forged, Chan, TestKernel};
use serde_json::json;
use zeromq::{SocketRecv, SocketSend, ZmqMessage};

const SHORT: Duration = Duration::from_millis(400);
const LONG: Duration = Duration::from_secs(20);

#[tokio::test(flavor = "multi_thread")]
async fn kernel_info_on_shell_and_control_is_bracketed_by_busy_and_idle() {
    let mut k = TestKernel::start().await;
    for chan in [Chan::Shell, Chan::Control] {
        let (reply, iopub) = k.roundtrip(chan, "kernel_info_request", json!({})).await;
        assert_eq!(reply.msg_type, "kernel_info_reply");
        let c = &reply.content;
        assert_eq!(c["status"], "ok");
        assert_eq!(c["implementation"], "coro");
        assert_eq!(c["protocol_version"], "5.3");
        assert_eq!(
            c["language_info"],
            json!({"name": "python", "version": "3.11", "mimetype": "text/x-python",
                   "file_extension": ".py", "codemirror_mode": {"name": "ipython", "version": 3},
                   "pygments_lexer": "ipython3", "nbconvert_exporter": "python"})
        );
        assert!(c["banner"].as_str().unwrap().contains("Coro"));
        assert!(c["help_links"].is_array());
        assert!(c.get("debugger").is_none() && c.get("supported_features").is_none());
        let states: Vec<_> = iopub
            .iter()
            .map(|m| m.content["execution_state"].clone())
            .collect();
        assert_eq!(states, [json!("busy"), json!("idle")], "{chan:?}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn heartbeat_echoes_bytes() {
    let mut k = TestKernel::start().await;
    for ping in [&b"ping"[..], b"\x00\xffbinary"] {
        k.hb.send(ZmqMessage::from(ping.to_vec())).await.unwrap();
        let echo = tokio::time::timeout(LONG, k.hb.recv())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(echo.into_vec(), vec![Bytes::copy_from_slice(ping)]);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_signatures_replays_and_garbage_are_dropped_and_the_kernel_keeps_serving() {
    let mut k = TestKernel::start().await;
    // A wrong signature.
    let (_, frames) = forged(&k, "kernel_info_request");
    k.send_frames(Chan::Shell, frames).await;
    // A missing signature.
    let (_, mut frames) = k.request("kernel_info_request", &json!({}));
    frames[1] = Bytes::new();
    k.send_frames(Chan::Control, frames).await;
    // Garbage: no delimiter, too few frames, bad JSON.
    k.send_frames(Chan::Shell, vec![Bytes::from_static(b"hello")])
        .await;
    k.send_frames(
        Chan::Shell,
        vec![Bytes::from_static(b"<IDS|MSG>"), Bytes::new()],
    )
    .await;
    let (_, mut frames) = k.request("kernel_info_request", &json!({}));
    frames[5] = Bytes::from_static(b"{not json");
    let sig = coro_kernel::wire::Signer::new(k.key.as_bytes())
        .sign([&frames[2], &frames[3], &frames[4], &frames[5]]);
    frames[1] = Bytes::from(sig);
    k.send_frames(Chan::Shell, frames).await;
    assert!(
        k.recv(Chan::Shell, SHORT).await.is_none(),
        "a dropped message was answered"
    );
    assert!(
        k.recv(Chan::Control, SHORT).await.is_none(),
        "a dropped message was answered"
    );
    assert!(
        k.recv_iopub(SHORT).await.is_none(),
        "a dropped message caused iopub traffic"
    );

    // A good request is answered; the same frames sent again are a replay and are not.
    let (id, frames) = k.request("kernel_info_request", &json!({}));
    k.send_frames(Chan::Shell, frames.clone()).await;
    let reply = k.reply(Chan::Shell, &id, LONG).await;
    assert_eq!(reply.msg_type, "kernel_info_reply");
    k.iopub_until_idle(&id, LONG).await;
    k.send_frames(Chan::Shell, frames).await;
    assert!(
        k.recv(Chan::Shell, SHORT).await.is_none(),
        "a replayed message was answered"
    );
    let (reply, _) = k
        .roundtrip(Chan::Shell, "kernel_info_request", json!({}))
        .await;
    assert_eq!(reply.content["status"], "ok");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_ipc_transport_serves_every_channel() {
    let mut k = TestKernel::start_ipc().await;
    let (reply, iopub) = k
        .roundtrip(Chan::Control, "kernel_info_request", json!({}))
        .await;
    assert_eq!(reply.content["implementation"], "coro");
    assert_eq!(iopub.len(), 2);
    k.hb.send(ZmqMessage::from(b"ping".to_vec())).await.unwrap();
    let echo = tokio::time::timeout(LONG, k.hb.recv())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(echo.into_vec(), vec![Bytes::from_static(b"ping")]);
    let id = k
        .send(Chan::Shell, "shutdown_request", json!({"restart": false}))
        .await;
    assert_eq!(
        k.reply(Chan::Shell, &id, LONG).await.content["status"],
        "ok"
    );
    assert!(k.wait_exit(Duration::from_secs(5)).is_some());
}

#[tokio::test(flavor = "multi_thread")]
async fn empty_key_means_unsigned_messages() {
    let mut k = TestKernel::start_with_key("").await;
    let (reply, _) = k
        .roundtrip(Chan::Shell, "kernel_info_request", json!({}))
        .await;
    assert_eq!(reply.content["status"], "ok");
}

#[tokio::test(flavor = "multi_thread")]
async fn execute_publishes_input_stream_result_then_replies() {
    let mut k = TestKernel::start().await;
    let code = "print(\"hello, world\")\n6*7";
    let run = k.execute(code).await;
    assert_eq!(run.reply.content["status"], "ok", "{:?}", run.reply.content);
    assert_eq!(run.reply.content["execution_count"], 1);
    assert_eq!(run.reply.content["user_expressions"], json!({}));
    assert_eq!(run.reply.content["payload"], json!([]));
    assert_eq!(
        run.types(),
        [
            "status",
            "execute_input",
            "stream",
            "execute_result",
            "status"
        ]
    );
    assert_eq!(
        run.iopub[1].content,
        json!({"code": code, "execution_count": 1})
    );
    assert_eq!(
        run.iopub[2].content,
        json!({"name": "stdout", "text": "hello, world\n"})
    );
    assert_eq!(
        run.iopub[3].content,
        json!({"execution_count": 1, "data": {"text/plain": "42"}, "metadata": {}})
    );
    let second = k.execute("None").await;
    assert_eq!(second.types(), ["status", "execute_input", "status"]);
    assert_eq!(second.reply.content["execution_count"], 2);
}

#[tokio::test(flavor = "multi_thread")]
async fn errors_publish_an_error_and_reply_with_the_cpython_traceback() {
    let mut k = TestKernel::start().await;
    let run = k.execute("def f(x):\n    return 1 / x\nf(0)").await;
    let c = &run.reply.content;
    assert_eq!(c["status"], "error");
    assert_eq!(c["execution_count"], 1);
    assert_eq!(c["ename"], "ZeroDivisionError");
    assert_eq!(c["evalue"], "division by zero");
    let traceback: Vec<&str> = c["traceback"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap())
        .collect();
    assert_eq!(
        traceback.first(),
        Some(&"Traceback (most recent call last):")
    );
    assert_eq!(
        traceback.last(),
        Some(&"ZeroDivisionError: division by zero")
    );
    assert!(
        traceback.iter().any(|l| l.contains("in f")),
        "{traceback:?}"
    );
    assert_eq!(run.types(), ["status", "execute_input", "error", "status"]);
    assert_eq!(run.iopub[2].content["ename"], "ZeroDivisionError");
    assert_eq!(run.iopub[2].content["traceback"], c["traceback"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn queued_executes_after_an_error_are_aborted() {
    let mut k = TestKernel::start().await;
    let first = k.send_execute("raise ValueError('stop')", json!({})).await;
    let second = k.send_execute("print('never')", json!({})).await;
    let third = k.send_execute("print('never either')", json!({})).await;
    let r1 = k.reply(Chan::Shell, &first, LONG).await;
    let r2 = k.reply(Chan::Shell, &second, LONG).await;
    let r3 = k.reply(Chan::Shell, &third, LONG).await;
    assert_eq!(r1.content["status"], "error");
    assert_eq!(
        r2.content,
        json!({"status": "aborted", "execution_count": null})
    );
    assert_eq!(r3.content["status"], "aborted");
    for id in [&first, &second, &third] {
        k.iopub_until_idle(id, LONG).await;
    }
    // The abort ends with the queue: the next request runs.
    let after = k.execute("print('runs')").await;
    assert_eq!(
        after.reply.content["status"], "ok",
        "{:?}",
        after.reply.content
    );
    assert_eq!(after.stream("stdout"), "runs\n");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_request_sent_after_the_error_reply_is_not_aborted() {
    let mut k = TestKernel::start().await;
    let failing = k
        .send(
            Chan::Shell,
            "execute_request",
            json!({"code": "raise ValueError('x')", "stop_on_error": true}),
        )
        .await;
    assert_eq!(
        k.reply(Chan::Shell, &failing, LONG).await.content["status"],
        "error"
    );
    // Sent as soon as the reply is seen, without waiting for idle (as `get_shell_msg` users do).
    let next = k
        .send(
            Chan::Shell,
            "execute_request",
            json!({"code": "print('ran')"}),
        )
        .await;
    let reply = k.reply(Chan::Shell, &next, LONG).await;
    assert_eq!(reply.content["status"], "ok", "{:?}", reply.content);
}

#[tokio::test(flavor = "multi_thread")]
async fn stop_on_error_false_keeps_the_queue() {
    let mut k = TestKernel::start().await;
    let keep = json!({"stop_on_error": false});
    let first = k
        .send_execute("raise ValueError('go on')", keep.clone())
        .await;
    let second = k.send_execute("print('still runs')", keep).await;
    assert_eq!(
        k.reply(Chan::Shell, &first, LONG).await.content["status"],
        "error"
    );
    let r2 = k.reply(Chan::Shell, &second, LONG).await;
    assert_eq!(r2.content["status"], "ok", "{:?}", r2.content);
}

#[tokio::test(flavor = "multi_thread")]
async fn silent_and_unstored_cells_follow_ipykernel_counting() {
    let mut k = TestKernel::start().await;
    let silent = k.execute_with("x = 1\nx", json!({"silent": true})).await;
    assert_eq!(
        silent.types(),
        ["status", "status"],
        "silent cells publish nothing"
    );
    assert_eq!(silent.reply.content["execution_count"], 0);
    let unstored = k
        .execute_with("x + 1", json!({"store_history": false}))
        .await;
    assert_eq!(unstored.iopub[1].content["execution_count"], 1);
    assert_eq!(unstored.result().as_deref(), Some("2"));
    assert_eq!(unstored.reply.content["execution_count"], 0);
    let stored = k.execute("x + 2").await;
    assert_eq!(stored.iopub[1].content["execution_count"], 1);
    assert_eq!(stored.reply.content["execution_count"], 1);
    let next = k.execute("x + 3").await;
    assert_eq!(next.reply.content["execution_count"], 2);
}

#[tokio::test(flavor = "multi_thread")]
async fn user_expressions_are_evaluated_after_the_cell() {
    let mut k = TestKernel::start().await;
    let run = k
        .execute_with(
            "y = 20",
            json!({"user_expressions": {"double": "y * 2", "bad": "1/0"}}),
        )
        .await;
    let ue = &run.reply.content["user_expressions"];
    assert_eq!(
        ue["double"],
        json!({"status": "ok", "data": {"text/plain": "40"}, "metadata": {}})
    );
    assert_eq!(ue["bad"]["status"], "error");
    assert_eq!(ue["bad"]["ename"], "ZeroDivisionError");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_generator_created_in_one_execute_is_driven_in_later_ones() {
    let mut k = TestKernel::start().await;
    let setup = "def counter():\n    total = 0\n    while True:\n        total += yield total\n\ng = counter()\nnext(g)";
    assert_eq!(k.execute(setup).await.result().as_deref(), Some("0"));
    assert_eq!(k.execute("g.send(5)").await.result().as_deref(), Some("5"));
    assert_eq!(k.execute("g.send(2)").await.result().as_deref(), Some("7"));
    let closed = k
        .execute("g.close()\nimport inspect\ninspect.getgeneratorstate(g)")
        .await;
    assert_eq!(closed.result().as_deref(), Some("'GEN_CLOSED'"));
}

#[tokio::test(flavor = "multi_thread")]
async fn interrupt_request_stops_a_busy_loop_and_globals_survive() {
    let mut k = TestKernel::start().await;
    k.execute("kept = 'still here'").await;
    let id = k
        .send(
            Chan::Shell,
            "execute_request",
            json!({"code": "while True:\n    pass", "allow_stdin": false}),
        )
        .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    // Control answers at once while shell is busy.
    let started = Instant::now();
    let (info, _) = k
        .roundtrip(Chan::Control, "kernel_info_request", json!({}))
        .await;
    assert_eq!(info.content["status"], "ok");
    assert!(
        started.elapsed() < Duration::from_millis(500),
        "kernel_info took {:?}",
        started.elapsed()
    );
    let started = Instant::now();
    let (interrupted, _) = k
        .roundtrip(Chan::Control, "interrupt_request", json!({}))
        .await;
    assert_eq!(interrupted.content, json!({"status": "ok"}));
    let reply = k.reply(Chan::Shell, &id, LONG).await;
    let waited = started.elapsed();
    assert_eq!(reply.content["status"], "error");
    assert_eq!(reply.content["ename"], "KeyboardInterrupt");
    assert!(waited < Duration::from_secs(1), "interrupt took {waited:?}");
    k.iopub_until_idle(&id, LONG).await;
    assert_eq!(
        k.execute("kept").await.result().as_deref(),
        Some("'still here'")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn sigint_interrupts_like_an_interrupt_request() {
    let mut k = TestKernel::start().await;
    let id = k
        .send(
            Chan::Shell,
            "execute_request",
            json!({"code": "import time\ntime.sleep(30)"}),
        )
        .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    // SAFETY: sending a signal to the child process we spawned.
    unsafe {
        libc::kill(k.child.id() as i32, libc::SIGINT);
    }
    let reply = k.reply(Chan::Shell, &id, Duration::from_secs(5)).await;
    assert_eq!(reply.content["ename"], "KeyboardInterrupt");
    assert!(
        k.child.try_wait().unwrap().is_none(),
        "SIGINT killed the kernel"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn input_goes_to_the_stdin_channel_of_the_requester() {
    let mut k = TestKernel::start().await;
    let id = k
        .send(
            Chan::Shell,
            "execute_request",
            json!({"code": "name = input('who? ')\nprint('hi', name)", "allow_stdin": true}),
        )
        .await;
    let ask = k.recv(Chan::Stdin, LONG).await.expect("an input_request");
    assert_eq!(ask.msg_type, "input_request");
    assert_eq!(ask.content, json!({"prompt": "who? ", "password": false}));
    assert_eq!(ask.parent_id(), id);
    let (_, mut frames) = k.request("input_reply", &json!({"value": "Ada"}));
    // The reply names our input_request as its parent, as jupyter_client does.
    let parent = serde_json::to_vec(&ask.header).unwrap();
    frames[3] = Bytes::from(parent);
    let sig = coro_kernel::wire::Signer::new(k.key.as_bytes())
        .sign([&frames[2], &frames[3], &frames[4], &frames[5]]);
    frames[1] = Bytes::from(sig);
    k.send_frames(Chan::Stdin, frames).await;
    let reply = k.reply(Chan::Shell, &id, LONG).await;
    assert_eq!(reply.content["status"], "ok", "{:?}", reply.content);
    let iopub = k.iopub_until_idle(&id, LONG).await;
    let text: String = iopub
        .iter()
        .filter(|m| m.msg_type == "stream")
        .map(|m| m.content["text"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(text, "hi Ada\n");
}

#[tokio::test(flavor = "multi_thread")]
async fn input_without_allow_stdin_raises_stdin_not_implemented() {
    let mut k = TestKernel::start().await;
    let run = k
        .execute_with("input('x')", json!({"allow_stdin": false}))
        .await;
    assert_eq!(run.reply.content["ename"], "StdinNotImplementedError");
    assert!(
        k.recv(Chan::Stdin, SHORT).await.is_none(),
        "no input_request may be sent"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn interrupt_ends_a_wait_for_input() {
    let mut k = TestKernel::start().await;
    let id = k
        .send(
            Chan::Shell,
            "execute_request",
            json!({"code": "input('never answered')", "allow_stdin": true}),
        )
        .await;
    let ask = k.recv(Chan::Stdin, LONG).await.expect("an input_request");
    assert_eq!(ask.msg_type, "input_request");
    let started = Instant::now();
    k.roundtrip(Chan::Control, "interrupt_request", json!({}))
        .await;
    let reply = k.reply(Chan::Shell, &id, LONG).await;
    assert_eq!(reply.content["ename"], "KeyboardInterrupt");
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "took {:?}",
        started.elapsed()
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn complete_inspect_and_is_complete() {
    let mut k = TestKernel::start().await;
    k.execute("class Point:\n    def norm(self):\n        return 0\n\np = Point()")
        .await;
    let (reply, _) = k
        .roundtrip(
            Chan::Shell,
            "complete_request",
            json!({"code": "pri", "cursor_pos": 3}),
        )
        .await;
    let c = &reply.content;
    assert_eq!(c["status"], "ok");
    assert!(
        c["matches"].as_array().unwrap().contains(&json!("print")),
        "{c}"
    );
    assert_eq!(
        (c["cursor_start"].clone(), c["cursor_end"].clone()),
        (json!(0), json!(3))
    );
    assert_eq!(c["metadata"], json!({}));
    // Cursor positions count code points, not bytes.
    let code = "s = 'é'; p.nor";
    let cursor = code.chars().count();
    let (reply, _) = k
        .roundtrip(
            Chan::Shell,
            "complete_request",
            json!({"code": code, "cursor_pos": cursor}),
        )
        .await;
    assert!(
        reply.content["matches"]
            .as_array()
            .unwrap()
            .contains(&json!("norm")),
        "{}",
        reply.content
    );
    assert_eq!(reply.content["cursor_start"], cursor - 3);
    assert_eq!(reply.content["cursor_end"], cursor);

    let (reply, _) = k
        .roundtrip(
            Chan::Shell,
            "inspect_request",
            json!({"code": "len", "cursor_pos": 3, "detail_level": 0}),
        )
        .await;
    assert_eq!(reply.content["status"], "ok");
    assert_eq!(reply.content["found"], true);
    assert!(reply.content["data"]["text/plain"]
        .as_str()
        .unwrap()
        .contains("len"));
    let (reply, _) = k
        .roundtrip(
            Chan::Shell,
            "inspect_request",
            json!({"code": "   ", "cursor_pos": 1, "detail_level": 0}),
        )
        .await;
    assert_eq!(
        reply.content,
        json!({"status": "ok", "found": false, "data": {}, "metadata": {}})
    );

    for (code, want) in [
        ("x = 1", json!({"status": "complete"})),
        (
            "for i in range(3):",
            json!({"status": "incomplete", "indent": "    "}),
        ),
        ("def f(:", json!({"status": "invalid"})),
    ] {
        let (reply, iopub) = k
            .roundtrip(Chan::Shell, "is_complete_request", json!({"code": code}))
            .await;
        assert_eq!(reply.content, want, "{code:?}");
        assert_eq!(iopub.len(), 2);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn history_comm_info_and_comms() {
    let mut k = TestKernel::start().await;
    k.execute("a = 1").await;
    k.execute("a + 1").await;
    let (reply, _) = k
        .roundtrip(
            Chan::Shell,
            "history_request",
            json!({"hist_access_type": "tail", "n": 10, "output": false, "raw": true}),
        )
        .await;
    assert_eq!(
        reply.content,
        json!({"status": "ok", "history": [[1, 1, "a = 1"], [1, 2, "a + 1"]]})
    );
    let (reply, _) = k
        .roundtrip(
            Chan::Shell,
            "history_request",
            json!({"hist_access_type": "search", "pattern": "a +*", "output": true, "raw": true}),
        )
        .await;
    assert_eq!(reply.content["history"], json!([[1, 2, ["a + 1", "2"]]]));
    let (reply, _) = k
        .roundtrip(Chan::Shell, "comm_info_request", json!({}))
        .await;
    assert_eq!(reply.content, json!({"status": "ok", "comms": {}}));
    // An unknown comm target is closed at once; comm_msg and comm_close are accepted quietly.
    let id = k
        .send(
            Chan::Shell,
            "comm_open",
            json!({"comm_id": "c1", "target_name": "nope", "data": {}}),
        )
        .await;
    let iopub = k.iopub_until_idle(&id, LONG).await;
    let types: Vec<_> = iopub.iter().map(|m| m.msg_type.as_str()).collect();
    assert_eq!(types, ["status", "comm_close", "status"]);
    assert_eq!(iopub[1].content, json!({"comm_id": "c1", "data": {}}));
    for msg_type in ["comm_msg", "comm_close"] {
        let id = k
            .send(Chan::Shell, msg_type, json!({"comm_id": "c1", "data": {}}))
            .await;
        assert_eq!(k.iopub_until_idle(&id, LONG).await.len(), 2);
    }
    assert!(
        k.recv(Chan::Shell, SHORT).await.is_none(),
        "comm messages get no reply"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn unknown_requests_get_busy_idle_and_no_reply() {
    let mut k = TestKernel::start().await;
    let id = k
        .send(
            Chan::Control,
            "debug_request",
            json!({"command": "initialize"}),
        )
        .await;
    assert_eq!(k.iopub_until_idle(&id, LONG).await.len(), 2);
    assert!(k.recv(Chan::Control, SHORT).await.is_none());
}

#[tokio::test(flavor = "multi_thread")]
async fn shutdown_on_control_replies_then_exits_cleanly() {
    let mut k = TestKernel::start().await;
    let id = k
        .send(Chan::Control, "shutdown_request", json!({"restart": false}))
        .await;
    let reply = k.reply(Chan::Control, &id, LONG).await;
    assert_eq!(reply.content, json!({"status": "ok", "restart": false}));
    let status = k
        .wait_exit(Duration::from_secs(5))
        .expect("the kernel exits after shutdown");
    assert!(status.success(), "{status:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn shutdown_on_shell_with_restart_replies_and_broadcasts() {
    let mut k = TestKernel::start().await;
    let id = k
        .send(Chan::Shell, "shutdown_request", json!({"restart": true}))
        .await;
    let reply = k.reply(Chan::Shell, &id, LONG).await;
    assert_eq!(reply.content, json!({"status": "ok", "restart": true}));
    let iopub = k.iopub_until_idle(&id, LONG).await;
    assert!(iopub
        .iter()
        .any(|m| m.msg_type == "shutdown_reply" && m.content["restart"] == true));
    let status = k
        .wait_exit(Duration::from_secs(5))
        .expect("the kernel exits after shutdown");
    assert!(status.success(), "{status:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn shutdown_runs_the_finally_blocks_of_suspended_generators() {
    let mut k = TestKernel::start().await;
    k.execute("def g():\n    try:\n        yield 1\n    finally:\n        print('finalized')\n\nit = g()\nnext(it)")
        .await;
    let id = k
        .send(Chan::Control, "shutdown_request", json!({"restart": false}))
        .await;
    let iopub = k.iopub_until_idle(&id, LONG).await;
    let text: String = iopub
        .iter()
        .filter(|m| m.msg_type == "stream")
        .map(|m| m.content["text"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(text, "finalized\n");
    k.reply(Chan::Control, &id, LONG).await;
    assert!(k.wait_exit(Duration::from_secs(5)).is_some());
}

#[tokio::test(flavor = "multi_thread")]
async fn live_output_arrives_while_the_cell_runs_and_is_coalesced() {
    let mut k = TestKernel::start().await;
    let code = "import time\nfor i in range(3):\n    print('tick', i)\n    time.sleep(0.2)\nfor i in range(20000):\n    print(i)";
    let id = k
        .send(Chan::Shell, "execute_request", json!({"code": code}))
        .await;
    let started = Instant::now();
    // The first tick must arrive long before the cell ends (0.6 s).
    loop {
        let msg = k
            .next_iopub_for(&id, LONG)
            .await
            .expect("output while the cell runs");
        if msg.msg_type == "stream" {
            assert_eq!(msg.content["text"], "tick 0\n");
            assert!(
                started.elapsed() < Duration::from_millis(400),
                "{:?}",
                started.elapsed()
            );
            break;
        }
    }
    let mut rest = Vec::new();
    loop {
        let msg = k
            .next_iopub_for(&id, LONG)
            .await
            .expect("the rest of the output, then idle");
        let idle = msg.msg_type == "status" && msg.content["execution_state"] == "idle";
        rest.push(msg);
        if idle {
            break;
        }
    }
    let streams: Vec<_> = rest.iter().filter(|m| m.msg_type == "stream").collect();
    let text: String = streams
        .iter()
        .map(|m| m.content["text"].as_str().unwrap().to_string())
        .collect();
    let want: String = ["tick 1\n".to_string(), "tick 2\n".to_string()]
        .into_iter()
        .chain((0..20000).map(|i| format!("{i}\n")))
        .collect();
    assert_eq!(text, want);
    assert!(
        streams.len() < 50,
        "20,000 lines took {} stream messages",
        streams.len()
    );
    k.reply(Chan::Shell, &id, LONG).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_panic_in_the_runtime_becomes_an_internal_error_and_the_kernel_keeps_serving() {
    let mut k = TestKernel::start().await;
    let run = k.execute(coro_kernel::engine::DEBUG_PANIC_CELL).await;
    assert_eq!(run.reply.content["status"], "error");
    assert_eq!(run.reply.content["ename"], "InternalError");
    assert!(run.reply.content["evalue"]
        .as_str()
        .unwrap()
        .contains("Please report it"));
    let (reply, _) = k
        .roundtrip(Chan::Shell, "kernel_info_request", json!({}))
        .await;
    assert_eq!(reply.content["status"], "ok");
}
