//! Seeded generation of ids, secrets and fake data.
//!
//! Every random value the sandbox makes comes from a [`SeededRng`], derived from the `--seed` of
//! the run (or from the OS when no seed is given), so that a seeded run is reproducible.

use fake::faker::address::en::CityName;
use fake::faker::company::en::CompanyName;
use fake::faker::internet::en::SafeEmail;
use fake::faker::job::en::Title as JobTitle;
use fake::faker::lorem::en::Sentence;
use fake::faker::name::en::{FirstName, LastName};
use fake::faker::phone_number::en::PhoneNumber;
use fake::Fake;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// A deterministic random generator; one per tenant, one for the registry.
#[derive(Debug, Clone)]
pub struct SeededRng(StdRng);

const ALPHANUMERIC: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const HEX: &[u8] = b"0123456789abcdef";

impl SeededRng {
    pub fn new(seed: u64) -> Self {
        Self(StdRng::seed_from_u64(seed))
    }

    /// A seed for a child generator (a new tenant), so children are reproducible too.
    pub fn child_seed(&mut self) -> u64 {
        self.0.random()
    }

    fn pick(&mut self, alphabet: &[u8], len: usize) -> String {
        (0..len)
            .map(|_| alphabet[self.0.random_range(0..alphabet.len())] as char)
            .collect()
    }

    /// A secret such as an API key: `prefix` followed by `len` alphanumerics.
    pub fn secret(&mut self, prefix: &str, len: usize) -> String {
        format!("{prefix}{}", self.pick(ALPHANUMERIC, len))
    }

    /// A version-4 UUID drawn from this generator.
    pub fn uuid(&mut self) -> String {
        let bytes: [u8; 16] = self.0.random();
        uuid::Builder::from_random_bytes(bytes)
            .into_uuid()
            .to_string()
    }

    /// A short lowercase hex id such as a tenant id.
    pub fn hex_id(&mut self, prefix: &str, len: usize) -> String {
        format!("{prefix}{}", self.pick(HEX, len))
    }

    pub fn first_name(&mut self) -> String {
        FirstName().fake_with_rng(&mut self.0)
    }

    pub fn last_name(&mut self) -> String {
        LastName().fake_with_rng(&mut self.0)
    }

    pub fn email(&mut self) -> String {
        SafeEmail().fake_with_rng(&mut self.0)
    }

    pub fn phone(&mut self) -> String {
        PhoneNumber().fake_with_rng(&mut self.0)
    }

    pub fn company(&mut self) -> String {
        CompanyName().fake_with_rng(&mut self.0)
    }

    pub fn job_title(&mut self) -> String {
        JobTitle().fake_with_rng(&mut self.0)
    }

    pub fn city(&mut self) -> String {
        CityName().fake_with_rng(&mut self.0)
    }

    /// A sentence of 6 to 12 words.
    pub fn sentence(&mut self) -> String {
        Sentence(6..12).fake_with_rng(&mut self.0)
    }

    /// True with the given chance in percent.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.0.random_range(0..n)
        }
    }
}

/// A seed from the operating system, for runs without `--seed`.
pub fn random_seed() -> u64 {
    rand::rng().random()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_values() {
        let mut a = SeededRng::new(7);
        let mut b = SeededRng::new(7);
        for _ in 0..10 {
            assert_eq!(a.secret("k_", 16), b.secret("k_", 16));
            assert_eq!(a.email(), b.email());
            assert_eq!(a.first_name(), b.first_name());
        }
        assert_ne!(
            SeededRng::new(1).secret("", 16),
            SeededRng::new(2).secret("", 16)
        );
    }
}
