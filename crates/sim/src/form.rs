//! Request parameter decoding: query strings, `application/x-www-form-urlencoded`,
//! `multipart/form-data` (a small parser written for the simulator) and flat JSON objects.
//!
//! Every decoder is total: bad input gives an error value, never a panic.

use bytes::Bytes;

/// One parameter value: text, or an uploaded file (multipart only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// A text value (already percent-decoded).
    Text(String),
    /// A multipart file part.
    File {
        /// The `filename` of the part.
        filename: String,
        /// The part's `Content-Type`, if any.
        content_type: Option<String>,
        /// The raw bytes.
        data: Bytes,
    },
}

/// Why a body could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormError(pub String);

/// Decodes a query string or url-encoded body. Invalid UTF-8 after percent-decoding is an error.
pub fn urlencoded(input: &[u8], out: &mut Vec<(String, Value)>) -> Result<(), FormError> {
    for piece in input.split(|&b| b == b'&') {
        if piece.is_empty() {
            continue;
        }
        let (k, v) = match piece.iter().position(|&b| b == b'=') {
            Some(i) => (&piece[..i], &piece[i + 1..]),
            None => (piece, &b""[..]),
        };
        let k = decode_component(k)?;
        let v = decode_component(v)?;
        out.push((k, Value::Text(v)));
    }
    Ok(())
}

fn decode_component(raw: &[u8]) -> Result<String, FormError> {
    let plus: Vec<u8> = raw
        .iter()
        .map(|&b| if b == b'+' { b' ' } else { b })
        .collect();
    let bytes: Vec<u8> = percent_encoding::percent_decode(&plus).collect();
    String::from_utf8(bytes).map_err(|_| FormError("parameter is not valid UTF-8".into()))
}

/// Percent-decodes one path segment (`+` stays a plus).
pub fn decode_path_segment(raw: &str) -> Result<String, FormError> {
    percent_encoding::percent_decode_str(raw)
        .decode_utf8()
        .map(|c| c.into_owned())
        .map_err(|_| FormError("path is not valid UTF-8".into()))
}

/// Extracts the `boundary` parameter of a `multipart/form-data` content type.
pub fn boundary(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.trim().split_once('=')?;
        if k.trim().eq_ignore_ascii_case("boundary") {
            let v = v.trim().trim_matches('"');
            (!v.is_empty() && v.len() <= 200).then(|| v.to_string())
        } else {
            None
        }
    })
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() || from > hay.len() {
        return None;
    }
    let first = needle[0];
    let mut i = from;
    while i + needle.len() <= hay.len() {
        match hay[i..=hay.len() - needle.len()]
            .iter()
            .position(|&b| b == first)
        {
            Some(off) => {
                let at = i + off;
                if &hay[at..at + needle.len()] == needle {
                    return Some(at);
                }
                i = at + 1;
            }
            None => return None,
        }
    }
    None
}

/// Decodes a `multipart/form-data` body with the given boundary.
pub fn multipart(
    body: &Bytes,
    boundary: &str,
    out: &mut Vec<(String, Value)>,
) -> Result<(), FormError> {
    let err = |m: &str| FormError(format!("malformed multipart body: {m}"));
    let delim = format!("--{boundary}");
    let delim = delim.as_bytes();
    let mut pos = find(body, delim, 0).ok_or_else(|| err("no opening boundary"))? + delim.len();
    loop {
        // After a boundary: `--` ends the body, otherwise CRLF then a part.
        if body[pos..].starts_with(b"--") {
            return Ok(());
        }
        pos += if body[pos..].starts_with(b"\r\n") {
            2
        } else if body[pos..].starts_with(b"\n") {
            1
        } else {
            return Err(err("junk after boundary"));
        };
        let (head_end, sep) = match find(body, b"\r\n\r\n", pos) {
            Some(i) => (i, 4),
            None => (
                find(body, b"\n\n", pos).ok_or_else(|| err("part without header end"))?,
                2,
            ),
        };
        let head =
            std::str::from_utf8(&body[pos..head_end]).map_err(|_| err("header is not UTF-8"))?;
        let data_start = head_end + sep;
        let next = find(body, delim, data_start).ok_or_else(|| err("no closing boundary"))?;
        let mut data_end = next;
        if data_end >= data_start + 2 && &body[data_end - 2..data_end] == b"\r\n" {
            data_end -= 2;
        } else if data_end > data_start && body[data_end - 1] == b'\n' {
            data_end -= 1;
        }
        let data = body.slice(data_start..data_end);
        let mut name = None;
        let mut filename = None;
        let mut content_type = None;
        for line in head.lines() {
            let Some((hk, hv)) = line.split_once(':') else {
                continue;
            };
            if hk.trim().eq_ignore_ascii_case("content-disposition") {
                for p in hv.split(';').skip(1) {
                    if let Some((k, v)) = p.trim().split_once('=') {
                        let v = v.trim().trim_matches('"').to_string();
                        match k.trim().to_ascii_lowercase().as_str() {
                            "name" => name = Some(v),
                            "filename" => filename = Some(v),
                            _ => {}
                        }
                    }
                }
            } else if hk.trim().eq_ignore_ascii_case("content-type") {
                content_type = Some(hv.trim().to_string());
            }
        }
        let name = name.ok_or_else(|| err("part without a name"))?;
        let value = match filename {
            Some(filename) => Value::File {
                filename,
                content_type,
                data,
            },
            None => Value::Text(
                String::from_utf8(data.to_vec()).map_err(|_| err("field is not UTF-8"))?,
            ),
        };
        out.push((name, value));
        pos = next + delim.len();
    }
}

/// Decodes a JSON object body: strings stay as they are, other values are JSON-encoded (so
/// `{"operations": [...]}` reads like the form field `operations=[...]`).
pub fn json_object(body: &[u8], out: &mut Vec<(String, Value)>) -> Result<(), FormError> {
    let v: serde_json::Value =
        serde_json::from_slice(body).map_err(|e| FormError(format!("invalid JSON body: {e}")))?;
    let serde_json::Value::Object(map) = v else {
        return Err(FormError("a JSON body must be an object".into()));
    };
    for (k, v) in map {
        let text = match v {
            serde_json::Value::String(s) => s,
            serde_json::Value::Null => continue,
            other => other.to_string(),
        };
        out.push((k, Value::Text(text)));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multipart_round_trip() {
        let body = Bytes::from_static(
            b"--XyZ\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\nhello\r\nworld\r\n--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\nContent-Type: text/csv\r\n\r\n$user_id\tx\n1\t2\n\r\n--XyZ--\r\n",
        );
        let mut out = Vec::new();
        multipart(&body, "XyZ", &mut out).unwrap();
        assert_eq!(
            out[0],
            ("body".into(), Value::Text("hello\r\nworld".into()))
        );
        match &out[1].1 {
            Value::File { filename, data, .. } => {
                assert_eq!(filename, "a.csv");
                assert_eq!(&data[..], b"$user_id\tx\n1\t2\n");
            }
            other => panic!("{other:?}"),
        }
        assert!(multipart(&Bytes::from_static(b"--XyZ\r\ngarbage"), "XyZ", &mut out).is_err());
        assert_eq!(
            boundary("multipart/form-data; boundary=\"abc\"").as_deref(),
            Some("abc")
        );
    }

    #[test]
    fn urlencoded_decodes_plus_and_rejects_bad_utf8() {
        let mut out = Vec::new();
        urlencoded(b"a=b+c&d=%7B%7D&e", &mut out).unwrap();
        assert_eq!(out[1], ("d".into(), Value::Text("{}".into())));
        assert_eq!(out[0].1, Value::Text("b c".into()));
        assert!(urlencoded(b"a=%FF", &mut out).is_err());
    }
}
