//! The response body: plain, slowed down, cut short or padded, depending on the injected fault.

use std::collections::VecDeque;
use std::future::Future as _;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use http_body::{Body, Frame, SizeHint};
use tokio::time::Sleep;

static PAD: [u8; 64 * 1024] = [b' '; 64 * 1024];

/// Error that aborts a response mid-body (hyper then closes the connection).
#[derive(Debug)]
pub(crate) struct Aborted;

impl std::fmt::Display for Aborted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("response aborted by an injected fault")
    }
}

impl std::error::Error for Aborted {}

/// What the core sends as a response body.
pub(crate) enum SimBody {
    /// The whole body at once.
    Full(Option<Bytes>),
    /// Chunks with a pause before each.
    Slow {
        chunks: VecDeque<Bytes>,
        delay: Duration,
        sleep: Option<Pin<Box<Sleep>>>,
    },
    /// Some bytes, a short pause (so they are flushed), then an error: the declared length is
    /// never reached and hyper closes the connection.
    Truncated {
        data: Option<Bytes>,
        sleep: Option<Pin<Box<Sleep>>>,
    },
    /// `head`, then `pad` spaces, sent in 64 KiB frames.
    Padded { head: Option<Bytes>, pad: u64 },
}

impl SimBody {
    pub(crate) fn full(b: Bytes) -> SimBody {
        SimBody::Full(Some(b))
    }

    pub(crate) fn truncated(b: Bytes) -> SimBody {
        SimBody::Truncated {
            data: Some(b),
            sleep: None,
        }
    }

    /// Splits `b` into `parts` chunks sent `total / parts` apart.
    pub(crate) fn slow(b: Bytes, total: Duration, parts: usize) -> SimBody {
        let parts = parts.max(1);
        let step = b.len().div_ceil(parts).max(1);
        let mut chunks = VecDeque::new();
        let mut i = 0;
        while i < b.len() {
            let end = (i + step).min(b.len());
            chunks.push_back(b.slice(i..end));
            i = end;
        }
        let n = chunks.len().max(1) as u32;
        SimBody::Slow {
            chunks,
            delay: total / n,
            sleep: None,
        }
    }
}

impl Body for SimBody {
    type Data = Bytes;
    type Error = Aborted;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Aborted>>> {
        let this = self.get_mut();
        match this {
            SimBody::Full(b) => Poll::Ready(b.take().map(|b| Ok(Frame::data(b)))),
            SimBody::Truncated { data, sleep } => {
                if let Some(b) = data.take() {
                    return Poll::Ready(Some(Ok(Frame::data(b))));
                }
                let s = sleep
                    .get_or_insert_with(|| Box::pin(tokio::time::sleep(Duration::from_millis(50))));
                match s.as_mut().poll(cx) {
                    Poll::Pending => Poll::Pending,
                    Poll::Ready(()) => Poll::Ready(Some(Err(Aborted))),
                }
            }
            SimBody::Padded { head, pad } => {
                if let Some(h) = head.take() {
                    return Poll::Ready(Some(Ok(Frame::data(h))));
                }
                if *pad == 0 {
                    return Poll::Ready(None);
                }
                let n = (*pad).min(PAD.len() as u64) as usize;
                *pad -= n as u64;
                Poll::Ready(Some(Ok(Frame::data(Bytes::from_static(&PAD[..n])))))
            }
            SimBody::Slow {
                chunks,
                delay,
                sleep,
            } => {
                if chunks.is_empty() {
                    return Poll::Ready(None);
                }
                let s = sleep.get_or_insert_with(|| Box::pin(tokio::time::sleep(*delay)));
                match s.as_mut().poll(cx) {
                    Poll::Pending => Poll::Pending,
                    Poll::Ready(()) => {
                        *sleep = None;
                        Poll::Ready(chunks.pop_front().map(|c| Ok(Frame::data(c))))
                    }
                }
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        match self {
            SimBody::Full(b) => b.is_none(),
            _ => false,
        }
    }

    fn size_hint(&self) -> SizeHint {
        match self {
            SimBody::Full(Some(b)) => SizeHint::with_exact(b.len() as u64),
            SimBody::Full(None) => SizeHint::with_exact(0),
            SimBody::Padded { head, pad } => {
                SizeHint::with_exact(head.as_ref().map_or(0, |h| h.len() as u64) + pad)
            }
            SimBody::Slow { chunks, .. } => {
                SizeHint::with_exact(chunks.iter().map(|c| c.len() as u64).sum())
            }
            SimBody::Truncated { .. } => SizeHint::default(),
        }
    }
}
