//! Media: animation search (`/media/animation/list`).
//!
//! The rows of this group of the endpoint table (see `mod.rs` for what a row says, and
//! `macros.rs` for its grammar); `table_chain!` in `mod.rs` hands them, with every other
//! group's, to one `endpoints!` expansion, in the order of `ENDPOINTS`.

macro_rules! media_rows {
    ([$($rest:ident)*] $($acc:tt)*) => {
        table_chain! { [$($rest)*] $($acc)*
            Media ("media()", rate "media") {
                /// List animation medias.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-animation-medias).
                ///
                /// Same as `media.listAnimationMedias` in the Node client 11.3.0.
                ListAnimationMedias = "list_animation_medias" { Safe GET "/media/animation/list/{page_number}"
                    fn list_animations(page_number: u32) query[m::misc::AnimationListQuery] -> m::common::Empty }
            }
        }
    };
}
