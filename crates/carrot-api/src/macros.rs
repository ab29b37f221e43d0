//! The macros behind the endpoint table (`table.rs`) and the setters (`setters.rs`).
//!
//! One entry of the table:
//!
//! ```text
//! /// Doc of the generated method.
//! Reply = "reply_in_conversation" {
//!     Unsafe POST "/conversations/{conversation_id}/reply" rate "conversations.write" users NoUser
//!     fn reply(body: impl Into<String>) params[ReplyParams] = { ReplyParams::admin(AdminRef::Default, body) }
//!     -> data[ConversationPart]
//!     why "creates a message; …"
//! }
//! ```
//!
//! * the marker type (in [`crate::ops`]) and the stable name (`EndpointSpec::name`);
//! * the replay class (`Safe`/`Unsafe`), the HTTP method and the path template, exactly the
//!   catalogue's; the rate-limit class; which user references the path accepts ([`UserKinds`]);
//! * the method on the group's handle: `fn` (generated) or `hand` (written by hand in
//!   `groups.rs` or `props.rs`, because it returns something else than a call), its name and
//!   positional arguments (they make the `call` string of the spec, so the two cannot
//!   disagree); the parameter type, built with `= { expr }` from the arguments, or else its
//!   `Default`; optionally `then method(args)`, a setter of `Call<Op>` applied after (a file
//!   part);
//! * the output: `data[T]` (the envelope's `data`, as `T`), `list[T]` (a cursor list:
//!   `Page<T, Meta>`, walkable), `leads[User]` (the offset-paged leads: `Page<User,
//!   LeadsMeta>`, walkable), `props[Empty]` (the props outcome read from `meta`);
//! * optionally `replay_by[f]`: a per-request replay class computed from the parameters;
//! * `why "…"`: the reason for the replay class.
//!
//! [`UserKinds`]: crate::UserKinds

/// Optional-parameter setters, one line each: `name(arg: Type) => field;` stores the value as
/// given, `name(arg: into Type) => field;` takes anything `Into<Type>`. Each keeps its doc
/// comment.
macro_rules! params {
    () => {};
    ($(#[$doc:meta])* $name:ident($arg:ident: into $ty:ty) => $field:ident; $($rest:tt)*) => {
        $(#[$doc])*
        pub fn $name(mut self, $arg: impl Into<$ty>) -> Self {
            self.params_mut().$field = Some($arg.into());
            self
        }
        params!($($rest)*);
    };
    ($(#[$doc:meta])* $name:ident($arg:ident: $ty:ty) => $field:ident; $($rest:tt)*) => {
        $(#[$doc])*
        pub fn $name(mut self, $arg: $ty) -> Self {
            self.params_mut().$field = Some($arg);
            self
        }
        params!($($rest)*);
    };
}

/// The `data` type of an output kind.
macro_rules! kind_data {
    (data [$t:ty]) => { $t };
    (list [$t:ty]) => { ::std::vec::Vec<$t> };
    (leads [$t:ty]) => { ::chatdesk_model::carrot::Leads };
    (props [$t:ty]) => { $t };
}

/// The `data` type of an output kind, as text (for [`crate::Declaration`]).
macro_rules! kind_data_str {
    (data [$t:ty]) => {
        stringify!($t)
    };
    (list [$t:ty]) => {
        concat!("Vec<", stringify!($t), ">")
    };
    (leads [$t:ty]) => {
        "Leads"
    };
    (props [$t:ty]) => {
        stringify!($t)
    };
}

/// What `.await` returns for an output kind.
macro_rules! kind_output {
    (data [$t:ty]) => { $t };
    (list [$t:ty]) => {
        ::chatdesk_transport::Page<$t, ::chatdesk_model::carrot::Meta>
    };
    (leads [$t:ty]) => {
        ::chatdesk_transport::Page<$t, $crate::paginate::LeadsMeta>
    };
    (props [$t:ty]) => { ::chatdesk_model::carrot::PropsOutcome };
}

/// The output of an output kind, as text (for [`crate::Declaration`]).
macro_rules! kind_output_str {
    (data [$t:ty]) => {
        stringify!($t)
    };
    (list [$t:ty]) => {
        concat!("Page<", stringify!($t), ", Meta>")
    };
    (leads [$t:ty]) => {
        concat!("Page<", stringify!($t), ", LeadsMeta>")
    };
    (props [$t:ty]) => {
        "PropsOutcome"
    };
}

/// Builds the output from the envelope's `meta` and decoded `data`.
macro_rules! kind_convert {
    (data [$t:ty] $meta:ident $data:ident) => {{
        let _ = $meta;
        $data
    }};
    (list [$t:ty] $meta:ident $data:ident) => {
        ::chatdesk_transport::Page::with_meta($data, $meta)
    };
    (leads [$t:ty] $meta:ident $data:ident) => {{
        let _ = $meta;
        $crate::paginate::leads_page($data)
    }};
    (props [$t:ty] $meta:ident $data:ident) => {{
        let _: $t = $data;
        ::chatdesk_model::carrot::PropsOutcome::from_meta(&$meta)
    }};
}

/// The `Op::dispatch` of an output kind: lists learn from their own parameters whether more
/// follow (`Page::more`); every other endpoint is sent once, the kit's default.
macro_rules! kind_dispatch {
    (list [$t:ty]) => {
        fn dispatch(
            call: ::chatdesk_transport::kit::Parts<Self>,
        ) -> ::chatdesk_transport::BoxFuture<
            ::std::result::Result<Self::Output, ::chatdesk_transport::Error>,
        > {
            $crate::paginate::send_cursor_page(call)
        }
    };
    (leads [$t:ty]) => {
        fn dispatch(
            call: ::chatdesk_transport::kit::Parts<Self>,
        ) -> ::chatdesk_transport::BoxFuture<
            ::std::result::Result<Self::Output, ::chatdesk_transport::Error>,
        > {
            $crate::paginate::send_leads_page(call)
        }
    };
    ($kind:ident [$t:ty]) => {};
}

/// The `CarrotOp::check` of an output kind: lists refuse a page size the API does not take.
macro_rules! kind_check {
    (list [$t:ty]) => {
        fn check(params: &Self::Params) -> ::std::result::Result<(), ::std::string::String> {
            $crate::paginate::check_page_size(
                <Self as ::chatdesk_transport::kit::Op>::SPEC.name,
                params.pagination.paginate_count,
            )?;
            $crate::paginate::check_page_size(
                <Self as ::chatdesk_transport::kit::Op>::SPEC.name,
                params.pagination.count,
            )
        }
    };
    (leads [$t:ty]) => {
        fn check(params: &Self::Params) -> ::std::result::Result<(), ::std::string::String> {
            $crate::paginate::check_page_size(
                <Self as ::chatdesk_transport::kit::Op>::SPEC.name,
                params.limit,
            )
        }
    };
    ($kind:ident [$t:ty]) => {};
}

/// The `List` impl and the list setters of an output kind.
macro_rules! kind_list {
    ($op:ident list [$t:ty]) => {
        impl $crate::paginate::CursorOp for $crate::ops::$op {
            fn pagination(params: &mut Self::Params) -> &mut ::chatdesk_model::carrot::Pagination {
                &mut params.pagination
            }
        }

        impl ::chatdesk_transport::kit::List for $crate::ops::$op {
            type Item = $t;
            type Cursor = $crate::paginate::Cursor;
            fn walk(
                call: ::chatdesk_transport::kit::Parts<Self>,
                from: ::std::option::Option<$crate::paginate::Cursor>,
            ) -> ::chatdesk_transport::Paginator<$t, $crate::paginate::Cursor> {
                $crate::paginate::cursor_walk(call, from)
            }
        }

        impl $crate::call::Call<$crate::ops::$op> {
            /// Page size, 1 to 50 (the API's range; the server's default is 20): sets both the
            /// v2 `paginate_count` and the v1 `count`, so the size holds whichever scheme the
            /// server applies. A size outside 1–50 fails with `Error::InvalidRequest`, unsent.
            pub fn per_page(mut self, size: u32) -> Self {
                let p = &mut self.params_mut().pagination;
                p.paginate_count = Some(size);
                p.count = Some(size);
                self
            }

            /// Reads in `direction` from the position (v2; the server's default is `before`,
            /// newest first).
            pub fn direction(mut self, direction: ::chatdesk_model::carrot::PageDirection) -> Self {
                self.params_mut().pagination.paginate_direction = Some(direction);
                self
            }

            /// This page starts at `cursor` (a position or v1 cursor from an earlier page's
            /// `meta`). To walk from there, use `.stream_from(Position::at(cursor))`.
            pub fn cursor(mut self, cursor: $crate::paginate::Cursor) -> Self {
                $crate::paginate::apply_cursor(&mut self.params_mut().pagination, cursor);
                self
            }
        }
    };
    ($op:ident leads [$t:ty]) => {
        impl ::chatdesk_transport::kit::List for $crate::ops::$op {
            type Item = $t;
            type Cursor = u64;
            fn walk(
                call: ::chatdesk_transport::kit::Parts<Self>,
                from: ::std::option::Option<u64>,
            ) -> ::chatdesk_transport::Paginator<$t, u64> {
                $crate::paginate::leads_walk(call, from)
            }
        }
    };
    ($op:ident $kind:ident [$t:ty]) => {};
}

/// The per-request replay class, when the entry names a function for it.
macro_rules! replay_by {
    () => {};
    ($f:path) => {
        fn replay_for(
            params: &Self::Params,
        ) -> ::std::option::Option<::chatdesk_transport::Replay> {
            $f(params)
        }
    };
}

/// The parameters of a generated method: the entry's expression, or the type's default.
macro_rules! params_init {
    ($p:ty;) => {
        <$p as ::std::default::Default>::default()
    };
    ($p:ty; $init:block) => {{
        let params: $p = $init;
        params
    }};
}

/// The handle method of an entry: generated (`fn`), or written by hand (`hand`).
macro_rules! method {
    (hand $($rest:tt)*) => {};
    (fn [$(#[$meta:meta])*] $group:ident $op:ident $fn:ident
        ($($arg:ident : $aty:ty),*) $p:ty; [$($init:block)?]
        [$($post:ident ($($parg:ident),*))?] $method:ident $path:literal) => {
        impl $crate::groups::$group {
            $(#[$meta])*
            ///
            #[doc = concat!("`", stringify!($method), " ", $path, "`")]
            pub fn $fn(&self, $($arg: $aty),*) -> $crate::call::Call<$crate::ops::$op> {
                let params = params_init!($p; $($init)?);
                #[allow(unused_mut)]
                let mut call = $crate::groups::Handle::call::<$crate::ops::$op>(self, params);
                $(call = call.$post($($parg),*);)?
                call
            }
        }
    };
}

/// The spec of one entry (written out twice: `Op::SPEC` and `ENDPOINTS`, which holds values).
macro_rules! spec_lit {
    ($prefix:literal $fn:ident [$($arg:ident)*] $name:literal $method:ident $path:literal
        $replay:ident $rate:literal) => {
        ::chatdesk_transport::EndpointSpec {
            vendor: "carrot",
            call: concat!($prefix, stringify!($fn), "(", stringify!($($arg),*), ")"),
            name: $name,
            method: ::chatdesk_transport::http::Method::$method,
            path: $path,
            replay: ::chatdesk_transport::Replay::$replay,
            rate_class: $rate,
        }
    };
}

macro_rules! endpoints {
    ($(
        $(#[$gmeta:meta])*
        $group:ident ($prefix:literal) {
            $(
                $(#[$meta:meta])*
                $op:ident = $name:literal {
                    $replay:ident $method:ident $path:literal rate $rate:literal users $users:ident
                    $mode:ident $fn:ident ( $($arg:ident : $aty:ty),* $(,)? ) params[$p:ty]
                    $(= $init:block)?
                    $(then $post:ident ( $($parg:ident),* ))?
                    -> $kind:ident [$t:ty]
                    $(replay_by[$rb:path])?
                    why $reason:literal
                }
            )*
        }
    )*) => {
        /// One zero-sized marker type per endpoint, implementing [`Op`](crate::Op) (and
        /// [`List`](crate::List) for the lists); a call to it is a
        /// [`Call`](crate::Call)`<ops::Name>`.
        ///
        /// Replay classes follow one rule: an endpoint is `Safe` only when a second copy
        /// provably leaves the same state (reads, heartbeats, set-membership changes the API
        /// rejects or ignores when repeated). Where docs/api/carrot-api.md leaves a point open
        /// (§14: does `random_id` deduplicate?) or says nothing (does closing twice add a second
        /// system part?), the endpoint is `Unsafe`: the transport then re-sends it only when it
        /// never left the process or the server refused it unprocessed (429). [`DECLARATIONS`](crate::DECLARATIONS) gives
        /// each endpoint's reason.
        pub mod ops {
            $($(
                #[doc = concat!("`", stringify!($method), " ", $path, "`: `", $prefix, stringify!($fn), "(", stringify!($($arg),*), ")`.")]
                #[derive(Debug, Clone, Copy, PartialEq, Eq)]
                pub struct $op;
            )*)*
        }

        $($(
            impl ::chatdesk_transport::kit::Op for $crate::ops::$op {
                type Client = $crate::CarrotClient;
                type Params = $p;
                type Body = ();
                type Output = kind_output!($kind [$t]);
                const SPEC: &'static ::chatdesk_transport::EndpointSpec =
                    &spec_lit!($prefix $fn [$($arg)*] $name $method $path $replay $rate);

                fn decode(
                    response: ::chatdesk_transport::http::Response<::bytes::Bytes>,
                ) -> ::std::result::Result<Self::Output, ::chatdesk_transport::Error> {
                    let (meta, data) =
                        $crate::envelope::decode_envelope::<kind_data!($kind [$t])>(response)?;
                    Ok(kind_convert!($kind [$t] meta data))
                }

                fn describe(
                    call: &::chatdesk_transport::kit::Parts<Self>,
                ) -> ::std::result::Result<
                    ::chatdesk_transport::Described,
                    ::chatdesk_transport::Error,
                > {
                    $crate::call::describe(call)
                }

                kind_dispatch!($kind [$t]);
            }

            impl $crate::call::CarrotOp for $crate::ops::$op {
                const USERS: $crate::UserKinds = $crate::UserKinds::$users;
                replay_by!($($rb)?);
                kind_check!($kind [$t]);
            }

            kind_list!($op $kind [$t]);

            method!($mode [$(#[$meta])*] $group $op $fn ($($arg : $aty),*) $p; [$($init)?]
                [$($post ($($parg),*))?] $method $path);
        )*)*

        /// Every endpoint of the current API (24), in catalogue order: the same declarations
        /// that generate the methods. `cargo xtask endpoints carrot` prints it.
        pub static ENDPOINTS: &[::chatdesk_transport::EndpointSpec] = &[
            $($(spec_lit!($prefix $fn [$($arg)*] $name $method $path $replay $rate),)*)*
        ];

        /// Every declaration, with its wire types and the reason for its replay class, in the
        /// order of [`ENDPOINTS`].
        pub static DECLARATIONS: &[$crate::Declaration] = &[
            $($($crate::Declaration {
                spec: <$crate::ops::$op as ::chatdesk_transport::kit::Op>::SPEC,
                params: stringify!($p),
                data: kind_data_str!($kind [$t]),
                output: kind_output_str!($kind [$t]),
                users: $crate::UserKinds::$users,
                replay_reason: $reason,
            },)*)*
        ];
    };
}
