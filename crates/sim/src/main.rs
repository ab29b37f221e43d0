//! `chatdesk-sim`: runs the simulator on a port and prints one JSON line with its URLs and
//! credentials on stdout; logs go to stderr. Stops on Ctrl-C or SIGTERM.

use std::io::Write as _;
use std::process::ExitCode;

use chatdesk_sim::{CrispListStatus, Fault, Limits, RateLimit, Seed, Sim, SimBuilder};

const USAGE: &str = "\
usage: chatdesk-sim [--port N] [--host ADDR] [--seed SPEC] [--rate-limit SPEC]... [--fault SPEC]...
                    [--crisp-identifier ID] [--crisp-key KEY] [--carrot-token TOKEN]
                    [--carrot-app-id N] [--carrot-webhook URL]... [--carrot-webhook-token T]
                    [--crisp-webhook URL]...
                    [--request-log N] [--log-requests] [--http2]
                    [--max-connections N] [--max-body SIZE] [--body-budget SIZE]
                    [--log-field-bytes N] [--header-read-timeout DURATION|off]
                    [--body-read-timeout DURATION|off]
                    [--crisp-ignore-supplied-fingerprints] [--crisp-list-status ok|partial-while-full]
                    [--crisp-message-walk-always-ok]

  --port N            port on 127.0.0.1 (0 = any free port; default 0)
  --seed SPEC         users=3,conversations=2,messages=3,events=2,admins=2[,big_ids]
  --rate-limit SPEC   rps=5,burst=10[,daily=N][,vendor=crisp|carrot][,class=PREFIX]
                      [,status=429|420][,retry_after=true|false][,scope=class|token]
  --fault SPEC        kind=delay|close_before|close_after|status|truncated|invalid_json|oversized
                      [,headers=200ms][,body=1s][,status=503][,html][,bytes=N]
                      [,method=POST][,path=/v1/website/*][,vendor=crisp|carrot]
                      [,nth=N|every=N|first=N]

  --log-requests      one line per request on stderr
  --http2             also speak HTTP/2 with prior knowledge (h2c) on the same port
  --crisp-ignore-supplied-fingerprints
                      Crisp message sends store and answer a fingerprint of their own, not the
                      client's (the live API keeps the client's)
  --crisp-list-status ok|partial-while-full
                      status of page-numbered Crisp lists: 200 on every page (ok, default) or
                      206 on a full page and 200 on a shorter one
  --crisp-message-walk-always-ok
                      every Crisp message batch answers 200 (default: 206 while older messages
                      exist, 200 on the oldest batch, as the live API does)

  --max-connections N         connections served at once, more are closed (default 512)
  --max-body SIZE             largest request body, else 413 (default 32MiB)
  --body-budget SIZE          request-body bytes held across connections, else 503 (default 128MiB)
  --log-field-bytes N         longest path / query kept in the request log (default 1024)
  --header-read-timeout DUR   time allowed for a request head (default 30s; off = none)
  --body-read-timeout DUR     time allowed for a request body, else 408 (default 60s; off = none)

Prints one JSON line on stdout once listening, then logs on stderr.";

/// The flags that set a [`Limits`] field, with the key of that field in a limits spec.
const LIMIT_FLAGS: [(&str, &str); 6] = [
    ("--max-connections", "connections"),
    ("--max-body", "max_body"),
    ("--body-budget", "body_budget"),
    ("--log-field-bytes", "log_field"),
    ("--header-read-timeout", "header_timeout"),
    ("--body-read-timeout", "body_timeout"),
];

fn parse(args: Vec<String>) -> Result<SimBuilder, String> {
    let mut b = Sim::builder();
    let mut limits = Limits::default();
    let mut it = args.into_iter();
    let mut host: std::net::IpAddr = std::net::Ipv4Addr::LOCALHOST.into();
    let mut port = 0u16;
    while let Some(flag) = it.next() {
        let (flag, inline) = match flag.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (flag, None),
        };
        if flag == "-h" || flag == "--help" {
            return Err(String::new());
        }
        let mut value = || -> Result<String, String> {
            inline
                .clone()
                .or_else(|| it.next())
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        if let Some((_, key)) = LIMIT_FLAGS.iter().find(|(f, _)| *f == flag) {
            let spec = format!("{key}={}", value()?);
            limits = limits
                .with_spec(&spec)
                .map_err(|e| format!("{flag}: {e}"))?;
            continue;
        }
        match flag.as_str() {
            "--port" => {
                port = value()?
                    .parse()
                    .map_err(|_| "--port needs a number".to_string())?
            }
            "--host" => {
                host = value()?
                    .parse()
                    .map_err(|_| "--host needs an IP address".to_string())?
            }
            "--seed" => b = b.seed(value()?.parse::<Seed>().map_err(|e| e.to_string())?),
            "--rate-limit" => {
                b = b.rate_limit(value()?.parse::<RateLimit>().map_err(|e| e.to_string())?)
            }
            "--fault" => b = b.fault(value()?.parse::<Fault>().map_err(|e| e.to_string())?),
            "--crisp-identifier" => {
                let id = value()?;
                b = b.crisp_identifier(id);
            }
            "--crisp-key" => {
                let key = value()?;
                b = b.crisp_key(key);
            }
            "--carrot-token" => b = b.carrot_token(value()?),
            "--carrot-app-id" => {
                b = b.carrot_app_id(
                    value()?
                        .parse()
                        .map_err(|_| "--carrot-app-id needs a number".to_string())?,
                )
            }
            "--carrot-webhook" => b = b.carrot_webhook(value()?),
            "--crisp-webhook" => b = b.crisp_webhook(value()?),
            "--log-requests" => b = b.log_requests(true),
            "--http2" => b = b.http2(true),
            "--crisp-ignore-supplied-fingerprints" => {
                b = b.crisp_ignore_supplied_fingerprints(true)
            }
            "--crisp-list-status" => {
                let v = value()?;
                let status = CrispListStatus::parse(&v).ok_or_else(|| {
                    format!("--crisp-list-status: expected ok or partial-while-full, got {v}")
                })?;
                b = b.crisp_list_status(status)
            }
            "--crisp-message-walk-always-ok" => b = b.crisp_message_walk_always_ok(true),
            "--carrot-webhook-token" => b = b.carrot_webhook_token(value()?),
            "--request-log" => {
                b = b.request_log_capacity(
                    value()?
                        .parse()
                        .map_err(|_| "--request-log needs a number".to_string())?,
                )
            }
            other => return Err(format!("unknown flag {other}")),
        }
    }
    Ok(b.limits(limits).bind((host, port).into()))
}

/// Registers for Ctrl-C and SIGTERM at once and returns a future that ends on either.
///
/// Called before the ready line is printed: a script that sends SIGTERM as soon as it has read
/// the line must find the handler already installed, not kill the process outright.
fn stop_signal() -> impl std::future::Future<Output = ()> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{Signal, SignalKind, signal};
        async fn recv(s: Option<Signal>) {
            match s {
                Some(mut s) => {
                    s.recv().await;
                }
                None => std::future::pending::<()>().await,
            }
        }
        let term = signal(SignalKind::terminate()).ok();
        let int = signal(SignalKind::interrupt()).ok();
        async move {
            tokio::select! {
                _ = recv(term) => {}
                _ = recv(int) => {}
            }
        }
    }
    #[cfg(not(unix))]
    {
        async {
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}

fn main() -> ExitCode {
    let builder = match parse(std::env::args().skip(1).collect()) {
        Ok(b) => b,
        Err(msg) => {
            if !msg.is_empty() {
                eprintln!("chatdesk-sim: {msg}");
            }
            eprintln!("{USAGE}");
            return if msg.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(2)
            };
        }
    };
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("chatdesk-sim: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    rt.block_on(async move {
        let sim = match builder.start().await {
            Ok(s) => s,
            Err(e) => {
                eprintln!("chatdesk-sim: {e}");
                return ExitCode::FAILURE;
            }
        };
        let stop = stop_signal();
        {
            let mut out = std::io::stdout().lock();
            let _ = writeln!(out, "{}", sim.summary_line());
            let _ = out.flush();
        }
        eprintln!(
            "chatdesk-sim: listening on {} (crisp {}, carrot {}, carrot rts {}); Ctrl-C or SIGTERM to stop",
            sim.addr(),
            sim.crisp_base_url(),
            sim.carrot_base_url(),
            sim.carrot_rts_url()
        );
        stop.await;
        eprintln!(
            "chatdesk-sim: shutting down after {} requests",
            sim.total_requests()
        );
        sim.shutdown().await;
        ExitCode::SUCCESS
    })
}
