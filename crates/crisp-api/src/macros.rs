//! The macro that turns the endpoint table (`table/`) into marker types, their
//! [`chatdesk_transport::Op`] impls (and [`chatdesk_transport::List`] for the page-numbered
//! lists), group methods and [`crate::ENDPOINTS`].
//!
//! One entry of the table:
//!
//! ```text
//! /// Doc of the generated method.
//! SendMessageInConversation = "send_message_in_conversation" { Unsafe POST "/website/{website_id}/conversation/{session_id}/message"
//!     fn send_message() body[message::NewMessage] -> message::MessageSent }
//! ```
//!
//! * the marker type (in [`crate::ops`]) and the stable name (`EndpointSpec::name`);
//! * the replay class (`Safe`/`Unsafe`), the HTTP method and the path template, exactly the
//!   catalogue's;
//! * the method generated on the group handle: its positional path arguments (after the ones
//!   the handle already holds), then optionally `query[T]` (optional parameters, default
//!   `T::default()`), `query_req[T]` (a required query, positional) and `body[T]` (a required
//!   JSON body, positional);
//! * optionally `check[f]`: `f(&params)` runs before the request is built, to refuse a value
//!   the API states it does not accept (`per_page` outside 20–50) with `Error::InvalidRequest`;
//! * optionally `confirmed[Strategy]`: the write is looked up by its natural key after an
//!   ambiguous failure, the way `Strategy` says (see [`crate::confirm`]);
//! * the output: a type (the envelope's `data`), `exists` (HEAD: `bool`), `page[T]` (a
//!   page-numbered list of `T`, returned as `Page<T>`: the page is not positional but set with
//!   `.page(n)`, default 1, and the call gets the kit's walks, `.stream()`, `.pages()`, …), or
//!   `batch[T]` (a `Page<T>` whose `more` is the answer's 206; its walk is written by hand).
//!
//! The test-only part (`RAW`, one type-erased entry per endpoint, with a builder that goes
//! through the group method) is compiled only with the `__raw-table` feature.

/// Picks the first type if there is one, else the default.
macro_rules! or_ty {
    (; $d:ty) => {
        $d
    };
    ($t:ty ; $d:ty) => {
        $t
    };
    ($t:ty, $u:ty ; $d:ty) => {
        $t
    };
}

/// Picks the first expression if there is one, else the default.
macro_rules! or_expr {
    (; $d:expr) => {
        $d
    };
    ($e:expr ; $d:expr) => {
        $e
    };
}

/// The `call` column: the handle's path, the method and its positional parameters.
macro_rules! call_str {
    ($prefix:literal $fn:ident [$($a:ident)*] [] []) => {
        concat!($prefix, ".", stringify!($fn), "(", stringify!($($a),*), ")")
    };
    ($prefix:literal $fn:ident [] [$q:ty] []) => {
        concat!($prefix, ".", stringify!($fn), "(query)")
    };
    ($prefix:literal $fn:ident [] [] [$b:ty]) => {
        concat!($prefix, ".", stringify!($fn), "(body)")
    };
    ($prefix:literal $fn:ident [$($a:ident)+] [] [$b:ty]) => {
        concat!($prefix, ".", stringify!($fn), "(", stringify!($($a),*), ", body)")
    };
}

macro_rules! out_ty {
    (exists) => { bool };
    (page[$item:ty]) => { ::chatdesk_transport::Page<$item> };
    (batch[$item:ty]) => { ::chatdesk_transport::Page<$item> };
    ($t:ty) => { $t };
}

macro_rules! out_decode {
    ((exists) $r:ident) => {
        $crate::envelope::decode_exists($r)
    };
    ((page[$item:ty]) $r:ident) => {
        $crate::call::decode_page($r)
    };
    ((batch[$item:ty]) $r:ident) => {
        $crate::call::decode_batch($r)
    };
    (($($t:tt)+) $r:ident) => {
        $crate::call::decode_data($r)
    };
}

macro_rules! out_paged {
    ($op:ident (page[$item:ty])) => {
        impl ::chatdesk_transport::kit::List for $crate::ops::$op {
            type Item = $item;
            type Cursor = u32;
            fn walk(
                call: ::chatdesk_transport::kit::Parts<Self>,
                from: ::std::option::Option<u32>,
            ) -> ::chatdesk_transport::Paginator<$item, u32> {
                $crate::call::walk_pages(call, from)
            }
        }
        impl $crate::call::Paged for $crate::ops::$op {}
    };
    ($op:ident ($($t:tt)+)) => {};
}

#[cfg_attr(not(feature = "__raw-table"), allow(unused_macros))]
macro_rules! out_is_paged {
    ((page[$item:ty])) => {
        true
    };
    (($($t:tt)+)) => {
        false
    };
}

#[cfg_attr(not(feature = "__raw-table"), allow(unused_macros))]
macro_rules! unit {
    ($x:tt) => {
        ()
    };
}

/// What the generated method's doc says about a list's paging.
macro_rules! out_doc {
    ((page[$item:ty])) => {
        "\n\nA page-numbered list: the call fetches one [`Page`](chatdesk_transport::Page) (page 1, or \
         [`.page(n)`](crate::Call::page)), in the server's order. [`.stream()`](crate::Call::stream) \
         walks every page from there, [`.pages()`](crate::Call::pages) page by page with where to \
         resume, [`.stream_from(position)`](crate::Call::stream_from) resumes. Crisp gives lists no \
         end signal (`has_more()` is `None`), so a walk ends on the first **empty** page, never on \
         a short one. Page size: 20 unless the endpoint takes `per_page` (20–50)."
    };
    (($($t:tt)+)) => {
        ""
    };
}

macro_rules! out_page_arg {
    ($path:ident (page[$item:ty])) => {
        $path.push(::std::string::String::from("1"));
    };
    ($path:ident ($($t:tt)+)) => {};
}

/// A confirmed endpoint's `Op::dispatch`: through the confirmation loop instead of one send.
macro_rules! confirmed_dispatch {
    () => {};
    ($by:path) => {
        fn dispatch(
            call: ::chatdesk_transport::kit::Parts<Self>,
        ) -> ::chatdesk_transport::BoxFuture<
            ::std::result::Result<Self::Output, ::chatdesk_transport::Error>,
        > {
            $crate::confirm::confirmed::<Self>(call)
        }
    };
}

/// The test-only table, `RAW` (see the module docs).
#[cfg(feature = "__raw-table")]
macro_rules! raw_table {
    ($(
        $group:ident {
            $(
                $op:ident {
                    fn $fn:ident ( $($arg:ident : $aty:ty),* )
                    [$($q:ty)?] [$($rq:ty)?] [$($b:ty)?]
                    -> $($out:tt)+
                }
            )*
        }
    )*) => {
        #[doc(hidden)]
        pub static RAW: &[$crate::call::__private::RawEntry] = &[
            $($($crate::call::__private::RawEntry {
                spec: $crate::call::__private::spec_of::<$crate::ops::$op>,
                build: $crate::call::__private::build_raw::<$crate::ops::$op>,
                decode: $crate::call::__private::decode_raw::<$crate::ops::$op>,
                via_group: {
                    fn via_group(
                        client: &$crate::CrispClient,
                        ids: Vec<String>,
                        query: &str,
                        body: Option<::serde_json::Value>,
                    ) -> ::std::result::Result<
                        ::chatdesk_transport::http::Request<::chatdesk_transport::Body>,
                        ::chatdesk_transport::Error,
                    > {
                        #[allow(unused_imports)]
                        use $crate::call::__private::{FromPathArg, parse_body, parse_query};
                        let args = <[()]>::len(&[$(unit!($arg)),*]);
                        let paged = out_is_paged!(($($out)+));
                        let prefix = ids
                            .len()
                            .checked_sub(args + usize::from(paged))
                            .ok_or_else(|| ::chatdesk_transport::Error::invalid("too few ids"))?;
                        let group = $crate::groups::$group::new(client.clone(), ids[..prefix].to_vec());
                        #[allow(unused_mut, unused_variables)]
                        let mut rest = ids[prefix..].iter();
                        $(let $arg: $aty = FromPathArg::from_path_arg(
                            rest.next().map(String::as_str).unwrap_or_default(),
                        )?;)*
                        #[allow(unused_mut)]
                        let mut call = group.$fn(
                            $($arg,)*
                            $(parse_query::<$rq>(query)?,)?
                            $(parse_body::<$b>(body.clone())?)?
                        );
                        $(call = call.replace_params(parse_query::<$q>(query)?);)?
                        if paged {
                            if let (Some(last), Some(page)) =
                                (call.parts_mut().path_args_mut().last_mut(), rest.next())
                            {
                                *last = page.clone();
                            }
                        }
                        let _ = (&body, query);
                        call.to_request()
                    }
                    via_group
                },
            },)*)*
        ];
    };
}

macro_rules! endpoints {
    ($(
        $(#[$gmeta:meta])*
        $group:ident ($prefix:literal, rate $rate:literal) {
            $(
                $(#[$meta:meta])*
                $op:ident = $name:literal {
                    $replay:ident $method:ident $path:literal
                    fn $fn:ident ( $($arg:ident : $aty:ty),* $(,)? )
                    $(query[$q:ty])?
                    $(query_req[$rq:ty])?
                    $(body[$b:ty])?
                    $(check[$check:path])?
                    $(confirmed[$by:path])?
                    -> $($out:tt)+
                }
            )*
        }
    )*) => {
        /// One zero-sized marker type per endpoint, implementing [`chatdesk_transport::Op`]; a
        /// call to it is a [`crate::Call`]`<ops::Name>`.
        pub mod ops {
            $($(
                #[doc = concat!("`", stringify!($method), " ", $path, "`: `", $prefix, ".", stringify!($fn), "(..)`.")]
                #[derive(Debug, Clone, Copy, PartialEq, Eq)]
                pub struct $op;
            )*)*
        }

        $($(
            impl $crate::ops::$op {
                /// The spec, as a value (what `ENDPOINTS` holds).
                const SPEC_VALUE: ::chatdesk_transport::EndpointSpec = ::chatdesk_transport::EndpointSpec {
                    vendor: "crisp",
                    call: call_str!($prefix $fn [$($arg)*] [$($rq)?] [$($b)?]),
                    name: $name,
                    method: ::chatdesk_transport::http::Method::$method,
                    path: $path,
                    replay: ::chatdesk_transport::Replay::$replay,
                    rate_class: $rate,
                };
            }

            impl ::chatdesk_transport::kit::Op for $crate::ops::$op {
                type Client = $crate::CrispClient;
                type Params = or_ty!($($q)? $($rq)? ; ());
                type Body = or_ty!($($crate::call::Json<$b>)? ; $crate::call::NoBody);
                type Output = out_ty!($($out)+);
                const SPEC: &'static ::chatdesk_transport::EndpointSpec = &Self::SPEC_VALUE;
                fn decode(
                    response: ::chatdesk_transport::http::Response<::bytes::Bytes>,
                ) -> ::std::result::Result<Self::Output, ::chatdesk_transport::Error> {
                    out_decode!(($($out)+) response)
                }
                fn describe(
                    call: &::chatdesk_transport::kit::Parts<Self>,
                ) -> ::std::result::Result<
                    ::chatdesk_transport::Described,
                    ::chatdesk_transport::Error,
                > {
                    $crate::call::describe(call, or_expr!($($check)? ; $crate::call::no_check))
                }
                confirmed_dispatch!($($by)?);
            }

            $(
                impl $crate::confirm::Confirmed for $crate::ops::$op {
                    type By = $by;
                }
            )?

            out_paged!($op ($($out)+));

            impl $crate::groups::$group {
                $(#[$meta])*
                #[doc = out_doc!(($($out)+))]
                ///
                #[doc = concat!("`", stringify!($method), " ", $path, "`")]
                pub fn $fn(&self, $($arg: $aty,)* $(query: $rq,)? $(body: $b)?) -> $crate::call::Call<$crate::ops::$op> {
                    #[allow(unused_mut)]
                    // Room for the endpoint's own arguments and a page number.
                    let mut path = Vec::with_capacity(self.ids.len() + 3);
                    path.extend(self.ids.iter().cloned());
                    $(path.push(::std::string::ToString::to_string(&$arg));)*
                    out_page_arg!(path ($($out)+));
                    $crate::call::Call(::chatdesk_transport::kit::Parts::new(
                        self.client.clone(),
                        path,
                        or_expr!($({ let query: $rq = query; query })? ; ::std::default::Default::default()),
                        or_expr!($({ let body: $b = body; $crate::call::Json(body) })? ; $crate::call::NoBody),
                    ))
                }
            }
        )*)*

        #[cfg(feature = "__raw-table")]
        raw_table! {
            $(
                $group {
                    $(
                        $op {
                            fn $fn ( $($arg : $aty),* )
                            [$($q)?] [$($rq)?] [$($b)?]
                            -> $($out)+
                        }
                    )*
                }
            )*
        }

        /// Every endpoint this crate declares, in table order: the same declarations that
        /// generate the methods. `cargo xtask endpoints crisp` prints it.
        pub static ENDPOINTS: &[::chatdesk_transport::EndpointSpec] = &[
            $($($crate::ops::$op::SPEC_VALUE,)*)*
        ];
    };
}
