//! The static description of an endpoint and the rendering of its path.

use crate::error::Error;
use crate::meta::{Replay, RequestMeta};
use http::Method;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

/// Everything but RFC 3986 unreserved characters is encoded in a path segment.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// An RFC 3986 unreserved character: what [`SEGMENT`] leaves as it is.
fn is_unreserved(b: u8) -> bool {
    UNRESERVED[usize::from(b)]
}

/// [`is_unreserved`] as a table: every path argument of every call is checked byte by byte.
static UNRESERVED: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric() || matches!(c, b'-' | b'.' | b'_' | b'~');
        b += 1;
    }
    table
};

/// The static description of one endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndpointSpec {
    /// The vendor (`"crisp"`, `"carrot"`).
    pub vendor: &'static str,
    /// The Rust call that reaches it, e.g. `"website(id).conversation(sid).send_message(..)"`.
    pub call: &'static str,
    /// A short stable name for traces and errors, e.g. `"send_message_in_conversation"`.
    pub name: &'static str,
    /// The HTTP method.
    pub method: Method,
    /// The path template relative to the base URL, with `{name}` placeholders, e.g.
    /// `/website/{website_id}/conversation/{session_id}/message`.
    pub path: &'static str,
    /// Whether the request may be re-sent after it may have been processed.
    pub replay: Replay,
    /// The rate-limit class within the vendor.
    pub rate_class: &'static str,
}

/// One argument for a path placeholder.
#[derive(Debug, Clone, Copy)]
pub enum PathArg<'a> {
    /// A single segment: every reserved character (including `/`) is percent-encoded.
    Segment(&'a str),
    /// A tree path that spans several segments: split on `/` and each piece encoded.
    Tree(&'a str),
    /// A single segment sent **as written**, for a token of the API's own such as Carrot's
    /// `$self_app` (which [`PathArg::Segment`] would send as `%24self_app`).
    ///
    /// It must be one non-empty segment of RFC 3986 `pchar` characters only: letters, digits,
    /// `-._~`, the sub-delimiters `!$&'()*+,;=`, `:` and `@`, and `%` only as the start of a
    /// percent-encoded octet (`%` and two hex digits). It may not be a dot segment, `.` or `..`,
    /// even percent-encoded (`%2E`). Anything else fails [`EndpointSpec::render_path`] with
    /// [`Error::InvalidRequest`]; values that come from users belong in [`PathArg::Segment`].
    Raw(&'a str),
}

impl EndpointSpec {
    /// The metadata the layers read.
    pub const fn meta(&self) -> RequestMeta {
        RequestMeta {
            endpoint: self.name,
            replay: self.replay,
            rate_key: crate::meta::RateKey::new(self.vendor, self.rate_class),
        }
    }

    /// The placeholders of the path template, in order.
    pub fn placeholders(&self) -> impl Iterator<Item = &'static str> {
        self.path
            .split('/')
            .filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
    }

    /// Fills the template's placeholders, in order, with `args`.
    ///
    /// Fails with [`Error::InvalidRequest`] when the count differs, or when an argument (or a
    /// piece of a [`PathArg::Tree`]) is empty or exactly `.` or `..`: an empty segment would
    /// silently change the route, and URL-normalising proxies resolve dot segments even when
    /// percent-encoded. Other ids made of dots (`...`, `.x`) are ordinary segments, and a `%`
    /// in an id is itself encoded (`%2e` is sent as `%252e`), so it cannot form a dot segment.
    ///
    /// ```
    /// use chatdesk_transport::{EndpointSpec, PathArg, Replay};
    /// use http::Method;
    /// const SPEC: EndpointSpec = EndpointSpec {
    ///     vendor: "crisp", call: "c", name: "n", method: Method::GET,
    ///     path: "/website/{website_id}/people/profile/{people_id}",
    ///     replay: Replay::Safe, rate_class: "people",
    /// };
    /// let path = SPEC.render_path(&[PathArg::Segment("w 1"), PathArg::Segment("a/b?c#d")]).unwrap();
    /// assert_eq!(path, "/website/w%201/people/profile/a%2Fb%3Fc%23d");
    /// ```
    pub fn render_path(&self, args: &[PathArg<'_>]) -> Result<String, Error> {
        self.render_path_from(args.iter().copied())
    }

    /// [`render_path`](Self::render_path) with the arguments from an iterator (no slice to
    /// collect them in first). The same checks apply, the count included.
    pub fn render_path_from<'a>(
        &self,
        args: impl IntoIterator<Item = PathArg<'a>>,
    ) -> Result<String, Error> {
        let mut args = args.into_iter();
        self.render(|_| args.next())
    }

    /// [`render_path`](Self::render_path) from the unencoded `values`, in placeholder order,
    /// each made a [`PathArg`] by `kind` from its placeholder's name (for example
    /// [`PathArg::Tree`] for a `{path}`). The template is read once, and the same checks apply.
    ///
    /// ```
    /// use chatdesk_transport::{EndpointSpec, PathArg, Replay};
    /// # const SPEC: EndpointSpec = EndpointSpec { vendor: "v", call: "c", name: "n",
    /// #     method: http::Method::GET, path: "/site/{site_id}/tree/{path}", replay: Replay::Safe,
    /// #     rate_class: "r" };
    /// let values = ["s 1".to_owned(), "a/b".to_owned()];
    /// let path = SPEC.render_path_by_name(&values, |name, value| match name {
    ///     "path" => PathArg::Tree(value),
    ///     _ => PathArg::Segment(value),
    /// });
    /// assert_eq!(path.unwrap(), "/site/s%201/tree/a/b");
    /// ```
    pub fn render_path_by_name<'a>(
        &self,
        values: &'a [String],
        kind: impl Fn(&'static str, &'a str) -> PathArg<'a>,
    ) -> Result<String, Error> {
        let mut values = values.iter();
        self.render(|name| {
            let value = values.next()?;
            Some(kind(name.unwrap_or(""), value))
        })
    }

    /// Fills the template: `next(Some(name))` gives the argument of each placeholder in turn,
    /// `next(None)` at the end says whether any is left over.
    fn render<'a>(
        &self,
        mut next: impl FnMut(Option<&'static str>) -> Option<PathArg<'a>>,
    ) -> Result<String, Error> {
        let mut out = String::with_capacity(self.path.len() + 32);
        // The literal text between placeholders is copied in runs; a placeholder is a whole
        // segment, `/{name}` followed by `/` or the end.
        let path: &'static str = self.path;
        let mut copied = 0;
        let mut from = 0;
        // Byte scans: the templates are short, and a `char` search costs more to set up.
        let find = |byte: u8, from: usize| {
            path.as_bytes()[from..]
                .iter()
                .position(|&b| b == byte)
                .map(|at| from + at)
        };
        while let Some(open) = find(b'{', from) {
            from = open + 1;
            let Some(close) = find(b'}', from) else {
                break;
            };
            let whole_segment = path[..open].ends_with('/')
                && path[close + 1..].bytes().next().is_none_or(|b| b == b'/');
            if !whole_segment {
                continue;
            }
            out.push_str(&path[copied..open]);
            copied = close + 1;
            from = close + 1;
            let name = &path[open + 1..close];
            let arg = next(Some(name)).ok_or_else(|| {
                Error::invalid(format!("{}: missing path argument `{name}`", self.name))
            })?;
            match arg {
                PathArg::Segment(value) => push_segment(&mut out, value, name)?,
                PathArg::Raw(value) => push_raw(&mut out, value, name)?,
                PathArg::Tree(value) => {
                    let mut first = true;
                    for piece in value.trim_matches('/').split('/') {
                        if !first {
                            out.push('/');
                        }
                        first = false;
                        push_segment(&mut out, piece, name)?;
                    }
                }
            }
        }
        out.push_str(&path[copied..]);
        if next(None).is_some() {
            return Err(Error::invalid(format!(
                "{}: more path arguments than placeholders",
                self.name
            )));
        }
        Ok(out)
    }
}

fn push_segment(out: &mut String, value: &str, name: &str) -> Result<(), Error> {
    match value {
        "" => Err(Error::invalid(format!("path argument `{name}` is empty"))),
        // A dot segment, even percent-encoded (`%2E`, `%2E%2E`), is collapsed by URL-normalising
        // hops (WHATWG parsers, many proxies): `…/conversation/%2E%2E` would reach the parent
        // route. No id of either vendor is a bare dot segment, so refuse it.
        "." | ".." => Err(Error::invalid(format!(
            "path argument `{name}` is the dot segment {value:?}, which URL normalisation \
             would resolve to another route"
        ))),
        // Most ids need no encoding: copy them whole instead of byte by byte.
        _ if value.bytes().all(is_unreserved) => {
            out.push_str(value);
            Ok(())
        }
        _ => {
            out.extend(utf8_percent_encode(value, SEGMENT));
            Ok(())
        }
    }
}

/// Whether `b` is an RFC 3986 `pchar` other than `%` (unreserved, sub-delims, `:` or `@`).
fn is_plain_pchar(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@".contains(&b)
}

fn push_raw(out: &mut String, value: &str, name: &str) -> Result<(), Error> {
    let bytes = value.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if bytes.len() > i + 2
                && bytes[i + 1].is_ascii_hexdigit()
                && bytes[i + 2].is_ascii_hexdigit() =>
            {
                i += 3;
            }
            b if is_plain_pchar(b) => i += 1,
            _ => {
                return Err(Error::invalid(format!(
                    "raw path argument `{name}` may hold only RFC 3986 path characters                      (letters, digits, -._~!$&'()*+,;=:@ and %XX): {value:?}"
                )));
            }
        }
    }
    // A percent-encoded dot counts as a dot: normalising hops decode it.
    let undotted = value.replace("%2e", ".").replace("%2E", ".");
    match undotted.as_str() {
        "" => Err(Error::invalid(format!("path argument `{name}` is empty"))),
        "." | ".." => Err(Error::invalid(format!(
            "raw path argument `{name}` is the dot segment {value:?}, which URL normalisation \
             would resolve to another route"
        ))),
        _ => {
            out.push_str(value);
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::Uri;

    const SPEC: EndpointSpec = EndpointSpec {
        vendor: "crisp",
        call: "test",
        name: "test",
        method: Method::GET,
        path: "/website/{website_id}/helpdesk/tree/{path}/x",
        replay: Replay::Safe,
        rate_class: "t",
    };

    #[test]
    fn hostile_ids_cannot_change_the_route() {
        for hostile in [
            "a/b", "a?b", "a#b", "a b", "a\r\nb", "é", "%2F", "%2e", "%2E%2E", "...", ".x", "x.",
        ] {
            let p = SPEC
                .render_path(&[PathArg::Segment(hostile), PathArg::Segment("t")])
                .unwrap();
            let uri: Uri = format!("http://h{p}").parse().unwrap();
            assert_eq!(uri.path(), p, "{hostile:?}");
            assert_eq!(uri.path().split('/').count(), 7, "{hostile:?} -> {p}");
            assert!(uri.query().is_none(), "{hostile:?}");
        }
    }

    #[test]
    fn dot_segments_are_refused_as_ids_and_as_tree_pieces() {
        for dots in [".", ".."] {
            for args in [
                [PathArg::Segment(dots), PathArg::Segment("t")],
                [PathArg::Segment("w"), PathArg::Segment(dots)],
                [PathArg::Segment("w"), PathArg::Tree(dots)],
                [
                    PathArg::Segment("w"),
                    PathArg::Tree(&format!("guides/{dots}/x")),
                ],
                [PathArg::Segment("w"), PathArg::Tree(&format!("/{dots}/"))],
            ] {
                let err = SPEC.render_path(&args).unwrap_err();
                assert!(
                    matches!(err, Error::InvalidRequest { .. }),
                    "{args:?}: {err:?}"
                );
            }
        }
        // Only exactly `.` and `..` are dot segments; anything else is sent, encoded.
        let sent = |id: &str| SPEC.render_path(&[PathArg::Segment(id), PathArg::Segment("t")]);
        assert_eq!(sent("...").unwrap(), "/website/.../helpdesk/tree/t/x");
        assert_eq!(sent(".x").unwrap(), "/website/.x/helpdesk/tree/t/x");
        assert_eq!(sent("%2e").unwrap(), "/website/%252e/helpdesk/tree/t/x");
        assert_eq!(
            sent("%2E%2E").unwrap(),
            "/website/%252E%252E/helpdesk/tree/t/x"
        );
        let tree = SPEC.render_path(&[PathArg::Segment("w"), PathArg::Tree("a/.../.b")]);
        assert_eq!(tree.unwrap(), "/website/w/helpdesk/tree/a/.../.b/x");
    }

    #[test]
    fn raw_arguments_are_sent_as_written_when_they_are_one_clean_segment() {
        let raw = |id: &str| SPEC.render_path(&[PathArg::Raw(id), PathArg::Segment("t")]);
        for fine in [
            "$self_app",
            "a-b._~",
            "!$&'()*+,;=:@",
            "%24self",
            "x%2Fy",
            "...",
            ".x",
        ] {
            assert_eq!(
                raw(fine).unwrap(),
                format!("/website/{fine}/helpdesk/tree/t/x"),
                "{fine:?}"
            );
        }
        for refused in [
            "", ".", "..", "%2e", "%2E%2e", ".%2E", "a/b", "a?b", "a#b", "a b", "é", "%", "%2",
            "%zz", "a\r\nb", "[x]", "a\"b",
        ] {
            let err = raw(refused).unwrap_err();
            assert!(
                matches!(err, Error::InvalidRequest { .. }),
                "{refused:?}: {err:?}"
            );
        }
        // As a URI it stays one segment of the same route.
        let p = raw("$self_app").unwrap();
        let uri: Uri = format!("http://h{p}").parse().unwrap();
        assert_eq!(uri.path(), "/website/$self_app/helpdesk/tree/t/x");
    }

    #[test]
    fn tree_paths_are_encoded_per_segment() {
        let p = SPEC
            .render_path(&[
                PathArg::Segment("w"),
                PathArg::Tree("/guides/getting started/"),
            ])
            .unwrap();
        assert_eq!(p, "/website/w/helpdesk/tree/guides/getting%20started/x");
    }

    #[test]
    fn argument_count_and_emptiness_are_checked() {
        assert!(SPEC.render_path(&[PathArg::Segment("w")]).is_err());
        assert!(
            SPEC.render_path(&[PathArg::Segment(""), PathArg::Segment("t")])
                .is_err()
        );
        assert!(
            SPEC.render_path(&[
                PathArg::Segment("w"),
                PathArg::Segment("t"),
                PathArg::Segment("x")
            ])
            .is_err()
        );
        assert_eq!(
            SPEC.placeholders().collect::<Vec<_>>(),
            ["website_id", "path"]
        );
    }

    /// Only a whole segment `{name}` is a placeholder; literal text around and between them is
    /// copied as written, a placeholder may end the template, and braces inside a segment are
    /// text.
    #[test]
    fn only_whole_segments_are_placeholders() {
        let spec = |path: &'static str| EndpointSpec { path, ..SPEC };
        let one = [PathArg::Segment("1")];
        assert_eq!(spec("/{a}").render_path(&one).unwrap(), "/1");
        assert_eq!(spec("/x/{a}/y/z").render_path(&one).unwrap(), "/x/1/y/z");
        assert_eq!(
            spec("/x{b}/{a}/{c}y").render_path(&one).unwrap(),
            "/x{b}/1/{c}y"
        );
        assert_eq!(spec("/x/{a").render_path(&[]).unwrap(), "/x/{a");
        assert_eq!(
            spec("/{a}/{b}")
                .render_path(&[PathArg::Segment("1"), PathArg::Segment("2")])
                .unwrap(),
            "/1/2"
        );
        assert!(spec("/x").render_path(&one).is_err());
    }
}
