//! Property tests template. Copy into `tests/properties.rs` or a `#[cfg(test)] mod` and edit.
use proptest::prelude::*;

// --- replace with the crate's items ---------------------------------------
// use mycrate::{encode, decode, normalise, Message};

#[derive(Debug, Clone, PartialEq)]
struct Message {
    id: u64,
    topic: String,
    payload: Vec<u8>,
}

fn encode(m: &Message) -> Vec<u8> { unimplemented!("{m:?}") }
fn decode(_b: &[u8]) -> Result<Message, String> { unimplemented!() }
fn normalise(s: &str) -> String { s.trim().to_lowercase() }
// ----------------------------------------------------------------------------

fn topic() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[a-z][a-z0-9._-]{0,30}",
        1 => Just(String::new()),
        1 => ".{0,8}",                 // arbitrary unicode, short
    ]
}

fn message() -> impl Strategy<Value = Message> {
    (
        prop_oneof![Just(0u64), Just(u64::MAX), any::<u64>()],
        topic(),
        prop::collection::vec(any::<u8>(), 0..256),
    )
        .prop_map(|(id, topic, payload)| Message { id, topic, payload })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// decode(encode(m)) == m
    #[test]
    fn roundtrip(m in message()) {
        let bytes = encode(&m);
        let back = decode(&bytes);
        prop_assert_eq!(back, Ok(m));
    }

    /// decoding arbitrary bytes never panics
    #[test]
    fn decode_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = decode(&bytes);
    }

    /// normalise is idempotent
    #[test]
    fn normalise_idempotent(s in ".{0,64}") {
        let once = normalise(&s);
        prop_assert_eq!(normalise(&once), once.clone(), "input={:?}", s);
    }
}
