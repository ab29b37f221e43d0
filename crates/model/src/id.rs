//! Identifiers that vendors send either as JSON numbers or as strings.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A numeric identifier that may arrive as a JSON number or as a string of digits.
///
/// Carrot Quest sends ids as numbers by default and as strings with `id_as_string=true`; ids can
/// exceed 2^53, so they are never read through `f64`. It serializes as a string, which every
/// vendor accepts and which survives JavaScript consumers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct FlexId(pub u64);

impl fmt::Display for FlexId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl From<u64> for FlexId {
    fn from(v: u64) -> Self {
        FlexId(v)
    }
}

impl Serialize for FlexId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for FlexId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = FlexId;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a non-negative integer id, as a number or a string")
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<FlexId, E> {
                Ok(FlexId(v))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<FlexId, E> {
                u64::try_from(v)
                    .map(FlexId)
                    .map_err(|_| E::custom("negative id"))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<FlexId, E> {
                v.trim()
                    .parse()
                    .map(FlexId)
                    .map_err(|_| E::custom(format_args!("id {v:?} is not an integer")))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::FlexId;

    #[test]
    fn reads_numbers_and_strings_beyond_f64_precision() {
        let big = u64::MAX - 1;
        let from_num: FlexId = serde_json::from_str(&big.to_string()).unwrap();
        let from_str: FlexId = serde_json::from_str(&format!("\"{big}\"")).unwrap();
        assert_eq!(from_num, FlexId(big));
        assert_eq!(from_str, FlexId(big));
        assert_eq!(
            serde_json::to_string(&from_num).unwrap(),
            format!("\"{big}\"")
        );
        assert!(serde_json::from_str::<FlexId>("-1").is_err());
        assert!(serde_json::from_str::<FlexId>("1.5").is_err());
    }
}
