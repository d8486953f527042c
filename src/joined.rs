//! [`Joined`]: a string answered as the concatenation of its pieces, written when serialized
//! into a stack buffer. Answers carry many strings made of a fixed prefix and an id (profile
//! URLs, `actions` links, derived ids); a page of 100 records has hundreds of them, and a
//! `format!` for each showed in the profiles of list pages.

use serde::{Serialize, Serializer};

/// The pieces of a string, in order.
#[derive(Debug, Clone, Copy)]
pub struct Joined<'a, const N: usize>(pub [&'a str; N]);

impl<const N: usize> Serialize for Joined<'_, N> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut buf = [0u8; 256];
        let mut len = 0;
        let mut fits = true;
        for piece in self.0 {
            match buf.get_mut(len..len + piece.len()) {
                Some(to) => to.copy_from_slice(piece.as_bytes()),
                None => fits = false,
            }
            len += piece.len();
        }
        if fits {
            // Whole `str`s, copied one after the other: UTF-8.
            if let Ok(text) = std::str::from_utf8(&buf[..len]) {
                return s.serialize_str(text);
            }
        }
        s.serialize_str(&self.0.concat())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pieces in order, whether they fit the stack buffer or not.
    #[test]
    fn writes_the_concatenation() {
        let long = "é".repeat(200);
        assert_eq!(
            serde_json::to_string(&Joined(["a/", "b", "/c"])).unwrap(),
            r#""a/b/c""#
        );
        assert_eq!(serde_json::to_string(&Joined::<0>([])).unwrap(), r#""""#);
        assert_eq!(
            serde_json::to_string(&Joined(["x", &long, "\""])).unwrap(),
            serde_json::to_string(&format!("x{long}\"")).unwrap()
        );
    }
}
