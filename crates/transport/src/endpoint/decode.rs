//! Decoding of JSON answers, naming the failing field.

use crate::error::Error;
use bytes::Bytes;
use serde::Deserialize;
use serde::de::DeserializeOwned;

/// Decodes a JSON document, naming the path of the field that failed.
///
/// The happy path is a plain [`parse_json`]; only when it fails is the document decoded
/// again with path tracking, so naming the failing field costs nothing on success.
pub fn decode_json<T: DeserializeOwned>(body: &Bytes) -> Result<T, Error> {
    parse_json(body).map_err(|plain| locate_error::<T>(plain, body))
}

/// A plain `serde_json` decode of `body`, which `T` may borrow from.
///
/// The body is checked as UTF-8 once, as a whole, and then decoded as text: decoding bytes would
/// re-check every string on its own, which costs several times more on answers made of many
/// short strings. Bytes that are not UTF-8 are decoded as bytes, for serde_json's own error.
pub fn parse_json<'de, T: Deserialize<'de>>(body: &'de [u8]) -> serde_json::Result<T> {
    match std::str::from_utf8(body) {
        Ok(text) => serde_json::from_str(text),
        Err(_) => serde_json::from_slice(body),
    }
}

/// Re-decodes `body` with path tracking to say where `plain` happened.
fn locate_error<T: DeserializeOwned>(plain: serde_json::Error, body: &Bytes) -> Error {
    let mut de = serde_json::Deserializer::from_slice(body);
    let (path, source) = match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Err(e) => (e.path().to_string(), e.into_inner()),
        // The value itself decoded: the failure was after it (trailing characters).
        Ok(_) => (".".to_owned(), plain),
    };
    Error::Decode {
        path,
        source,
        body: crate::error::truncate(body.clone(), 4096),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_names_the_failing_field() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct T {
            a: Vec<u32>,
        }
        let err = decode_json::<T>(&Bytes::from_static(br#"{"a":[1,"x"]}"#)).unwrap_err();
        match err {
            Error::Decode { path, .. } => assert_eq!(path, "a[1]"),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            decode_json::<T>(&Bytes::from_static(b"<html>")),
            Err(Error::Decode { .. })
        ));
        assert!(matches!(
            decode_json::<T>(&Bytes::new()),
            Err(Error::Decode { .. })
        ));
    }

    #[test]
    fn decode_reads_text_and_refuses_bytes_that_are_not_utf8() {
        #[derive(serde::Deserialize, Debug, PartialEq)]
        struct S {
            s: String,
        }
        let ok: S = decode_json(&Bytes::from_static(
            "{\"s\":\"caf\u{e9} \\u00e9\"}".as_bytes(),
        ))
        .unwrap();
        assert_eq!(ok.s, "caf\u{e9} \u{e9}");
        let bad = decode_json::<S>(&Bytes::from_static(b"{\"s\":\"\xff\"}")).unwrap_err();
        match bad {
            Error::Decode { path, .. } => assert_eq!(path, "s"),
            other => panic!("{other:?}"),
        }
    }
}
