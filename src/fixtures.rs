//! Fixture sets: the data a tenant starts with.
//!
//! A set is either built in (`demo`, `empty`: compiled into the binary, so the sandbox works from
//! any directory) or a directory holding `<vendor>.json` files, or a `<vendor>/` folder per
//! vendor whose `<key>.json` files make up the document (`users.json`, `jobs.json`, ...). A vendor without a file in the
//! set starts with its minimal state (for vendors that need one: a company and its owner).
//! Fixture records go through the same rules as API writes; a broken record stops the load with an
//! error that names the file and the record.

use crate::vendors::Vendor;
use std::borrow::Cow;
use std::fmt;
use std::path::{Path, PathBuf};

/// The built-in sets, compiled in from `fixtures/`.
const BUILTIN: &[(&str, Vendor, &str)] = &[
    (
        "demo",
        Vendor::AtsAnywhere,
        include_str!("../fixtures/demo/atsanywhere.json"),
    ),
    (
        "demo",
        Vendor::Pandape,
        include_str!("../fixtures/demo/pandape.json"),
    ),
    (
        "demo",
        Vendor::Ashby,
        include_str!("../fixtures/demo/ashby.json"),
    ),
    (
        "demo",
        Vendor::SmartRecruiters,
        include_str!("../fixtures/demo/smartrecruiters.json"),
    ),
    (
        "demo",
        Vendor::Panora,
        include_str!("../fixtures/demo/panora.json"),
    ),
];

/// Where a tenant's starting data comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FixtureSet {
    /// No data beyond what the vendor needs to answer at all.
    Empty,
    /// A set compiled into the binary.
    Builtin(&'static str),
    /// A directory of `<vendor>.json` files.
    Dir(PathBuf),
}

/// A fixture that could not be loaded: which file, which record, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct FixtureError {
    pub file: String,
    pub record: Option<String>,
    pub message: String,
}

impl fmt::Display for FixtureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.record {
            Some(record) => write!(f, "{}: {}: {}", self.file, record, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// One vendor's fixture: a document in memory, or a file on disk that is parsed as it is read
/// (a fixture of 100k candidates is 100-200 MB of text, which need never be held at once).
pub struct FixtureFile {
    /// How errors name the file (`fixtures/demo/atsanywhere.json`).
    pub label: String,
    source: Source,
}

enum Source {
    Text(Cow<'static, str>),
    File(PathBuf),
}

impl FixtureFile {
    /// A fixture held in memory (built-in sets, merged folders, snapshots).
    pub fn text(label: impl Into<String>, text: impl Into<Cow<'static, str>>) -> Self {
        FixtureFile {
            label: label.into(),
            source: Source::Text(text.into()),
        }
    }

    /// A fixture file, read while it is parsed.
    pub fn file(path: PathBuf) -> Self {
        FixtureFile {
            label: path.display().to_string(),
            source: Source::File(path),
        }
    }

    /// An error about the whole file.
    pub fn error(&self, message: impl Into<String>) -> FixtureError {
        FixtureError {
            file: self.label.clone(),
            record: None,
            message: message.into(),
        }
    }

    /// The file parsed as `T` (straight from the text, no intermediate `Value`); a syntax error
    /// is about the file, a data error names the record and field.
    pub fn parse<T: serde::de::DeserializeOwned>(&self) -> Result<T, FixtureError> {
        let parsed = match &self.source {
            Source::Text(text) => crate::http::parse_json_text(text),
            Source::File(path) => {
                let file = std::fs::File::open(path)
                    .map_err(|e| self.error(format!("cannot read: {e}")))?;
                crate::http::parse_json_reader(std::io::BufReader::with_capacity(1 << 20, file))
            }
        };
        parsed.map_err(|problem| match problem {
            crate::http::JsonProblem::Data { field, message } => self.record_error(field, message),
            crate::http::JsonProblem::Syntax(message) => {
                self.error(format!("not valid JSON: {message}"))
            }
        })
    }

    /// An error about one record of the file.
    pub fn record_error(
        &self,
        record: impl Into<String>,
        message: impl Into<String>,
    ) -> FixtureError {
        FixtureError {
            file: self.label.clone(),
            record: Some(record.into()),
            message: message.into(),
        }
    }
}

impl FixtureSet {
    /// `empty`, the name of a built-in set, or a path to a directory.
    pub fn resolve(arg: &str) -> Result<Self, FixtureError> {
        if arg == "empty" {
            return Ok(FixtureSet::Empty);
        }
        if let Some((name, _, _)) = BUILTIN.iter().find(|(name, _, _)| *name == arg) {
            return Ok(FixtureSet::Builtin(name));
        }
        let path = Path::new(arg);
        if path.is_dir() {
            return Ok(FixtureSet::Dir(path.to_path_buf()));
        }
        Err(FixtureError {
            file: arg.to_owned(),
            record: None,
            message:
                "no such fixture set: use `empty`, `demo` or a directory of <vendor>.json files"
                    .into(),
        })
    }

    /// The name the control plane shows.
    pub fn name(&self) -> String {
        match self {
            FixtureSet::Empty => "empty".into(),
            FixtureSet::Builtin(name) => (*name).into(),
            FixtureSet::Dir(path) => path.display().to_string(),
        }
    }

    /// The vendor's file of this set, if the set has one.
    pub fn file(&self, vendor: Vendor) -> Result<Option<FixtureFile>, FixtureError> {
        match self {
            FixtureSet::Empty => Ok(None),
            FixtureSet::Builtin(name) => Ok(BUILTIN
                .iter()
                .find(|(n, v, _)| n == name && *v == vendor)
                .map(|(n, v, contents)| {
                    FixtureFile::text(format!("fixtures/{n}/{v}.json"), *contents)
                })),
            FixtureSet::Dir(dir) => {
                let folder = dir.join(vendor.slug());
                if folder.is_dir() {
                    return read_folder(&folder).map(Some);
                }
                let path = dir.join(format!("{vendor}.json"));
                if !path.exists() {
                    return Ok(None);
                }
                Ok(Some(FixtureFile::file(path)))
            }
        }
    }
}

/// A vendor's fixture as a folder: each `<key>.json` in it is the document's `<key>`
/// (`company.json`, `users.json`, `jobs.json`, ...), merged into one document.
fn read_folder(folder: &Path) -> Result<FixtureFile, FixtureError> {
    let label = folder.display().to_string();
    let error = |message: String| FixtureError {
        file: label.clone(),
        record: None,
        message,
    };
    let mut entries: Vec<PathBuf> = std::fs::read_dir(folder)
        .map_err(|e| error(format!("cannot read: {e}")))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    entries.sort();
    let mut doc = serde_json::Map::new();
    for path in entries {
        let key = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = std::fs::read_to_string(&path).map_err(|e| FixtureError {
            file: path.display().to_string(),
            record: None,
            message: format!("cannot read: {e}"),
        })?;
        let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| FixtureError {
            file: path.display().to_string(),
            record: None,
            message: format!("not valid JSON: {e}"),
        })?;
        doc.insert(key, value);
    }
    Ok(FixtureFile::text(
        label,
        serde_json::Value::Object(doc).to_string(),
    ))
}

/// Writes a generated fixture file for `vendor` into `out` (created if needed): `<out>/<vendor>.json`.
pub fn write_generated(
    vendor: Vendor,
    candidates: u64,
    seed: u64,
    out: &Path,
    progress: &dyn Fn(u64),
) -> std::io::Result<PathBuf> {
    let doc = vendor.generate_fixtures(seed, candidates, progress);
    std::fs::create_dir_all(out)?;
    let path = out.join(format!("{vendor}.json"));
    let mut bytes = serde_json::to_vec_pretty(&doc).map_err(std::io::Error::other)?;
    bytes.push(b'\n');
    std::fs::write(&path, bytes)?;
    Ok(path)
}

/// A long list of a fixture (candidates, applications), parsed in blocks of [`Chunked::BLOCK`]
/// records: parsing never copies the records parsed so far to grow the list, no block holds more
/// than one block of spare room, and each block is freed as soon as its records are taken. A
/// 100k-record list held as one `Vec` costs up to twice its size while it grows.
#[derive(Debug)]
pub struct Chunked<T>(Vec<Vec<T>>);

impl<T> Chunked<T> {
    const BLOCK: usize = 1024;

    pub fn len(&self) -> usize {
        self.0.iter().map(Vec::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.0.iter().all(Vec::is_empty)
    }

    pub fn iter(&self) -> impl Iterator<Item = &T> {
        self.0.iter().flatten()
    }
}

impl<T> Default for Chunked<T> {
    fn default() -> Self {
        Chunked(Vec::new())
    }
}

impl<T> IntoIterator for Chunked<T> {
    type Item = T;
    type IntoIter = std::iter::Flatten<std::vec::IntoIter<Vec<T>>>;

    /// Each block's memory goes back as soon as its last record is taken.
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter().flatten()
    }
}

impl<T> FromIterator<T> for Chunked<T> {
    fn from_iter<I: IntoIterator<Item = T>>(records: I) -> Self {
        let mut blocks: Vec<Vec<T>> = Vec::new();
        for record in records {
            match blocks.last_mut() {
                Some(block) if block.len() < Self::BLOCK => block.push(record),
                _ => {
                    let mut block = Vec::with_capacity(Self::BLOCK);
                    block.push(record);
                    blocks.push(block);
                }
            }
        }
        Chunked(blocks)
    }
}

impl<T> From<Vec<T>> for Chunked<T> {
    fn from(records: Vec<T>) -> Self {
        Chunked(vec![records])
    }
}

impl<T: serde::Serialize> serde::Serialize for Chunked<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for Chunked<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Blocks<T>(std::marker::PhantomData<T>);
        impl<'de, T: serde::Deserialize<'de>> serde::de::Visitor<'de> for Blocks<T> {
            type Value = Chunked<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Self::Value, A::Error> {
                let mut blocks = Vec::new();
                loop {
                    let mut block = Vec::with_capacity(Chunked::<T>::BLOCK);
                    while block.len() < Chunked::<T>::BLOCK {
                        match seq.next_element()? {
                            Some(record) => block.push(record),
                            None => {
                                if !block.is_empty() {
                                    block.shrink_to_fit();
                                    blocks.push(block);
                                }
                                return Ok(Chunked(blocks));
                            }
                        }
                    }
                    blocks.push(block);
                }
            }
        }
        deserializer.deserialize_seq(Blocks(std::marker::PhantomData))
    }
}

/// Deserializes a list without spare room (serde grows lists by doubling; a store of 100k
/// records keeps whatever room each was parsed with): `#[serde(deserialize_with = "...")]`.
pub fn exact_list<'de, D: serde::Deserializer<'de>, T: serde::Deserialize<'de>>(
    deserializer: D,
) -> Result<Vec<T>, D::Error> {
    let mut list = <Vec<T> as serde::Deserialize>::deserialize(deserializer)?;
    list.shrink_to_fit();
    Ok(list)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A list parsed in blocks reads back whole and in order, across block boundaries, and
    /// writes out as the list it was.
    #[test]
    fn chunked_lists_keep_every_record_in_order() {
        for n in [0usize, 1, 1023, 1024, 1025, 3000] {
            let text = serde_json::to_string(&(0..n).collect::<Vec<_>>()).expect("a list");
            let chunked: Chunked<usize> = serde_json::from_str(&text).expect("parses");
            assert_eq!(chunked.len(), n);
            assert_eq!(chunked.is_empty(), n == 0);
            assert!(
                chunked.0.iter().all(|b| b.len() <= 1024),
                "blocks of at most 1024"
            );
            assert_eq!(serde_json::to_string(&chunked).expect("writes"), text);
            let back: Vec<usize> = chunked.into_iter().collect();
            assert_eq!(back, (0..n).collect::<Vec<_>>());
        }
        let collected: Chunked<usize> = (0..2500).collect();
        assert_eq!(
            collected.iter().copied().collect::<Vec<_>>(),
            (0..2500).collect::<Vec<_>>()
        );
    }

    #[test]
    fn exact_lists_have_no_spare_room() {
        #[derive(serde::Deserialize)]
        struct Doc {
            #[serde(deserialize_with = "exact_list")]
            items: Vec<u32>,
        }
        let doc: Doc = serde_json::from_str(r#"{"items":[1,2,3,4,5]}"#).expect("parses");
        assert_eq!(doc.items, [1, 2, 3, 4, 5]);
        assert_eq!(doc.items.capacity(), 5);
    }
}
