//! Macros shared by the vendor modules.

/// Declares a string enum that keeps values it does not know.
///
/// Each listed variant maps to one wire string; any other string decodes into `Other(String)` and
/// encodes back unchanged, so round trips are lossless.
///
/// ```ignore
/// string_enum! {
///     /// Who sent a message.
///     pub enum From {
///         /// The visitor or user.
///         User => "user",
///         /// An operator.
///         Operator => "operator",
///     }
/// }
/// ```
#[cfg_attr(not(any(feature = "crisp", feature = "carrot")), allow(unused_macros))]
macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident => $wire:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value this version of the crate does not know, kept as sent.
            Other(String),
        }

        impl $name {
            /// The value as it appears on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $( Self::$variant => $wire, )+
                    Self::Other(s) => s.as_str(),
                }
            }
        }

        impl ::core::str::FromStr for $name {
            type Err = ::core::convert::Infallible;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Ok(match s {
                    $( $wire => Self::$variant, )+
                    other => Self::Other(other.to_owned()),
                })
            }
        }

        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                // A visitor rather than `String`/`Cow<str>` (whose impl always allocates): a known
                // value is matched on the borrowed text, only an unknown one is copied; an owned
                // string is moved, not copied.
                struct Visitor;
                impl<'de> ::serde::de::Visitor<'de> for Visitor {
                    type Value = $name;
                    fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        f.write_str(concat!("a string (", stringify!($name), ")"))
                    }
                    fn visit_str<E: ::serde::de::Error>(self, s: &str) -> Result<$name, E> {
                        Ok(match s {
                            $( $wire => $name::$variant, )+
                            other => $name::Other(other.to_owned()),
                        })
                    }
                    fn visit_string<E: ::serde::de::Error>(self, s: String) -> Result<$name, E> {
                        Ok(match s.as_str() {
                            $( $wire => $name::$variant, )+
                            _ => $name::Other(s),
                        })
                    }
                }
                d.deserialize_str(Visitor)
            }
        }
    };
}

/// The field muncher behind `params_struct!` and `wire_struct!`: copies a struct field by
/// field and puts the attribute given in the first brackets on every field whose type is written
/// `Option<…>`; the second brackets hold the struct's own attributes.
#[cfg_attr(not(any(feature = "crisp", feature = "carrot")), allow(unused_macros))]
macro_rules! option_fields_struct {
    // All fields done: emit the struct.
    ([$($attr:tt)*] [$($meta:tt)*] $vis:vis $name:ident [$($done:tt)*]) => {
        $($meta)*
        $vis struct $name { $($done)* }
    };
    // An `Option<…>` field: gets the attribute.
    ([$($attr:tt)*] [$($meta:tt)*] $vis:vis $name:ident [$($done:tt)*]
        $(#[$fmeta:meta])* $fvis:vis $field:ident : Option<$ty:ty> $(, $($rest:tt)*)?
    ) => {
        option_fields_struct! { [$($attr)*] [$($meta)*] $vis $name [
            $($done)*
            $(#[$fmeta])*
            #[$($attr)*]
            $fvis $field: Option<$ty>,
        ] $($($rest)*)? }
    };
    // Any other field: copied as written.
    ([$($attr:tt)*] [$($meta:tt)*] $vis:vis $name:ident [$($done:tt)*]
        $(#[$fmeta:meta])* $fvis:vis $field:ident : $ty:ty $(, $($rest:tt)*)?
    ) => {
        option_fields_struct! { [$($attr)*] [$($meta)*] $vis $name [
            $($done)*
            $(#[$fmeta])*
            $fvis $field: $ty,
        ] $($($rest)*)? }
    };
}

/// Declares a request parameter struct (a query string or a form body).
///
/// The struct is written as usual, with its doc comments, and gets `Debug`, `Clone`, `PartialEq`
/// and `Serialize`; other derives (`Default` where every field has one) go on it as attributes.
/// Every field whose type is written `Option<…>` is left out of the encoding when it is `None`,
/// so the server applies its own default: that is what a parameter the caller did not set means
/// on both vendors' wires. Other fields (required values, `#[serde(flatten)]` groups) are always
/// encoded. Field attributes (`rename`, `serialize_with`, `flatten`) are kept as written.
///
/// ```ignore
/// params_struct! {
///     /// Query of `GET /things`.
///     #[derive(Default)]
///     pub struct ThingsParams {
///         /// Required: always sent.
///         pub kind: String,
///         /// Sent only when set.
///         #[serde(rename = "type")]
///         pub thing_type: Option<String>,
///     }
/// }
/// ```
#[cfg_attr(not(feature = "carrot"), allow(unused_macros))]
macro_rules! params_struct {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident { $($body:tt)* }
    ) => {
        option_fields_struct! {
            [serde(skip_serializing_if = "Option::is_none")]
            [$(#[$meta])* #[derive(Debug, Clone, PartialEq, ::serde::Serialize)]]
            $vis $name [] $($body)*
        }
    };
}

/// Declares a struct that is both decoded and encoded: a response `data`, an embedded object, a
/// web hook, or a request type that the simulator decodes as well as the client encodes.
///
/// Written like `params_struct!`; the struct gets `Debug`, `Clone`, `PartialEq`, `Serialize`
/// and `Deserialize`. Every field whose type is written `Option<…>` decodes to `None` when it is
/// absent (also when it has its own `deserialize_with`) and is left out when encoded, so a decoded
/// value re-encodes to what was read, minus unknown fields. Other fields are required unless they
/// say `#[serde(default)]` themselves. Write an `Option` field whose `None` must go on the wire
/// as `null` in a plain struct instead.
#[cfg_attr(not(any(feature = "crisp", feature = "carrot")), allow(unused_macros))]
macro_rules! wire_struct {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident { $($body:tt)* }
    ) => {
        option_fields_struct! {
            [serde(default, skip_serializing_if = "Option::is_none")]
            [
                $(#[$meta])*
                #[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
            ]
            $vis $name [] $($body)*
        }
    };
}

#[cfg(all(test, feature = "carrot"))]
mod tests {
    use std::collections::BTreeMap;

    params_struct! {
        /// A query with every kind of field the muncher meets.
        #[derive(Default)]
        pub struct Query {
            /// Required.
            pub kind: String,
            /// Nested generics end in `>>`.
            #[serde(rename = "tag_list")]
            pub tags: Option<Vec<String>>,
            /// Private fields are copied too.
            limit: Option<u32>,
            /// A flattened group is always encoded.
            #[serde(flatten)]
            pub extra: BTreeMap<String, String>,
        }
    }

    wire_struct! {
        /// A decoded and re-encoded object.
        pub struct Data {
            /// Required.
            pub id: u64,
            /// With its own decoder: still `None` when absent.
            #[serde(deserialize_with = "lenient_u8")]
            pub level: Option<u8>,
            /// Plain optional.
            pub name: Option<String>,
        }
    }

    fn lenient_u8<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u8>, D::Error> {
        <Option<u8> as serde::Deserialize>::deserialize(d)
    }

    #[test]
    fn params_struct_skips_none_options_only() {
        let mut q = Query {
            kind: "k".into(),
            ..Query::default()
        };
        assert_eq!(serde_urlencoded::to_string(&q).unwrap(), "kind=k");
        assert_eq!(
            serde_json::to_value(&q).unwrap(),
            serde_json::json!({"kind": "k"})
        );
        q.tags = Some(vec!["a".into()]);
        q.limit = Some(5);
        q.extra.insert("x".into(), "1".into());
        assert_eq!(
            serde_json::to_value(&q).unwrap(),
            serde_json::json!({"kind": "k", "tag_list": ["a"], "limit": 5, "x": "1"})
        );
    }

    #[test]
    fn wire_struct_reads_absent_options_as_none_and_leaves_them_out() {
        let d: Data = serde_json::from_str(r#"{"id": 1}"#).unwrap();
        assert_eq!(
            d,
            Data {
                id: 1,
                level: None,
                name: None
            }
        );
        assert_eq!(serde_json::to_string(&d).unwrap(), r#"{"id":1}"#);
        let d: Data = serde_json::from_str(r#"{"id": 2, "level": 3, "name": "n"}"#).unwrap();
        assert_eq!(
            serde_json::to_string(&d).unwrap(),
            r#"{"id":2,"level":3,"name":"n"}"#
        );
        assert!(
            serde_json::from_str::<Data>("{}").is_err(),
            "id is required"
        );
    }
}
