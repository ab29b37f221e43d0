//! Bucket: upload URLs (`/bucket/url/generate`).
//!
//! The rows of this group of the endpoint table (see `mod.rs` for what a row says, and
//! `macros.rs` for its grammar); `table_chain!` in `mod.rs` hands them, with every other
//! group's, to one `endpoints!` expansion, in the order of `ENDPOINTS`.

macro_rules! bucket_rows {
    ([$($rest:ident)*] $($acc:tt)*) => {
        table_chain! { [$($rest)*] $($acc)*
            Bucket ("bucket()", rate "bucket") {
                /// Generate bucket URL.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#bucket-url).
                ///
                /// Same as `bucket.generateBucketURL` in the Node client 11.3.0.
                GenerateBucketUrl = "generate_bucket_url" { Unsafe POST "/bucket/url/generate"
                    fn generate_url() body[m::misc::BucketUrlRequest] -> m::common::Empty }
            }
        }
    };
}
