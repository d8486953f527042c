//! The unified ATS model Panora serves, as each vendor maps itself onto it.
//!
//! A vendor that Panora can sit in front of implements [`UnifiedAts`] on its tenant state, in
//! its own module (`vendors/<vendor>/unified.rs`); Panora uses only this trait and never a
//! vendor's internals. Records come back with the vendor's own ids (`remote_id`) and with
//! references to other records as [`UnifiedRef`]s, so Panora can give every remote object its
//! own stable id. Writes run the vendor's own rules: a refusal carries the vendor's reason and
//! nothing is written.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The object kinds of Panora's unified ATS API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UnifiedKind {
    Activity,
    Application,
    Attachment,
    Candidate,
    Department,
    Interview,
    JobInterviewStage,
    Job,
    Offer,
    Office,
    RejectReason,
    Scorecard,
    Tag,
    User,
    Eeocs,
}

impl UnifiedKind {
    pub const ALL: [UnifiedKind; 15] = [
        UnifiedKind::Activity,
        UnifiedKind::Application,
        UnifiedKind::Attachment,
        UnifiedKind::Candidate,
        UnifiedKind::Department,
        UnifiedKind::Interview,
        UnifiedKind::JobInterviewStage,
        UnifiedKind::Job,
        UnifiedKind::Offer,
        UnifiedKind::Office,
        UnifiedKind::RejectReason,
        UnifiedKind::Scorecard,
        UnifiedKind::Tag,
        UnifiedKind::User,
        UnifiedKind::Eeocs,
    ];
}

/// A reference from one unified record to others, by the vendor's ids.
#[derive(Debug, Clone, PartialEq)]
pub enum UnifiedRef {
    One(UnifiedKind, String),
    Many(UnifiedKind, Vec<String>),
}

/// One vendor record in the unified model.
#[derive(Debug, Clone, PartialEq)]
pub struct UnifiedRecord {
    pub kind: UnifiedKind,
    /// The vendor's id of the record.
    pub remote_id: String,
    pub created_at: DateTime<Utc>,
    pub modified_at: DateTime<Utc>,
    /// The unified fields (snake_case, as Panora names them), references left out.
    pub fields: Map<String, Value>,
    /// Fields that name other records (`candidate_id`, `applications`, ...).
    pub refs: BTreeMap<&'static str, UnifiedRef>,
    /// The record exactly as the vendor's own API answers it.
    pub remote_data: Value,
}

impl UnifiedRecord {
    /// A record from its fields as a JSON object and its references.
    pub fn new(
        kind: UnifiedKind,
        remote_id: String,
        (created_at, modified_at): (DateTime<Utc>, DateTime<Utc>),
        fields: Value,
        refs: Vec<(&'static str, UnifiedRef)>,
        remote_data: Value,
    ) -> Self {
        Self {
            kind,
            remote_id,
            created_at,
            modified_at,
            fields: match fields {
                Value::Object(map) => map,
                _ => Map::new(),
            },
            refs: refs.into_iter().collect(),
            remote_data,
        }
    }
}

/// A page of records in the vendor's creation order.
#[derive(Debug, Clone, Default)]
pub struct UnifiedPage {
    pub records: Vec<UnifiedRecord>,
    /// The record that follows the page (where the next page starts), if any.
    pub next: Option<UnifiedRecord>,
}

/// A write the vendor refused: its error code and message, as its own API would give them.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{code}: {message}")]
pub struct VendorRefusal {
    pub code: String,
    pub message: String,
}

/// What a create through the unified API names: unified fields, and references by the
/// vendor's ids (Panora has translated its own ids already).
#[derive(Debug, Clone, Default)]
pub struct UnifiedInput {
    pub fields: Map<String, Value>,
    pub refs: BTreeMap<String, Vec<String>>,
}

impl UnifiedInput {
    pub fn str(&self, name: &str) -> Option<&str> {
        self.fields.get(name).and_then(Value::as_str)
    }

    pub fn one_ref(&self, name: &str) -> Option<&str> {
        self.refs
            .get(name)
            .and_then(|ids| ids.first())
            .map(String::as_str)
    }
}

/// A vendor's tenant seen through the unified model.
pub trait UnifiedAts: Send + Sync {
    /// Records of `kind` from the one with remote id `from` on (from the start when `None`),
    /// at most `limit`, and the record after them. Kinds the vendor lacks give an empty page.
    /// `None` when `from` is not a record of that kind.
    fn page(&self, kind: UnifiedKind, from: Option<&str>, limit: usize) -> Option<UnifiedPage>;
    /// One record by the vendor's id.
    fn get(&self, kind: UnifiedKind, remote_id: &str) -> Option<UnifiedRecord>;
    /// Creates a record under the vendor's rules. Kinds the vendor cannot create through its
    /// API are refused with the reason.
    fn create(
        &self,
        kind: UnifiedKind,
        input: &UnifiedInput,
        now: DateTime<Utc>,
    ) -> Result<UnifiedRecord, VendorRefusal>;
}

/// A page from the records that start where the page starts: the first `limit`, and the one
/// after.
pub fn take_page(mut records: impl Iterator<Item = UnifiedRecord>, limit: usize) -> UnifiedPage {
    let taken: Vec<UnifiedRecord> = records.by_ref().take(limit).collect();
    UnifiedPage {
        records: taken,
        next: records.next(),
    }
}

/// A page of a table keyed by numeric ids in creation order (`from` is a remote id); `map`
/// leaves out rows that are not records of the kind.
pub fn page_of_map<V>(
    table: &indexmap::IndexMap<u64, V>,
    from: Option<&str>,
    limit: usize,
    map: impl Fn(&V) -> Option<UnifiedRecord>,
) -> Option<UnifiedPage> {
    page_from(
        table.values(),
        |id| table.get_index_of(&id),
        from,
        limit,
        map,
    )
}

/// [`page_of_map`] for any table: its rows in creation order, and the position of an id.
pub fn page_from<'a, V: 'a>(
    rows: impl Iterator<Item = &'a V>,
    position_of: impl Fn(u64) -> Option<usize>,
    from: Option<&str>,
    limit: usize,
    map: impl Fn(&V) -> Option<UnifiedRecord>,
) -> Option<UnifiedPage> {
    let start = match from {
        Some(id) => position_of(id.parse::<u64>().ok()?)?,
        None => 0,
    };
    Some(take_page(rows.skip(start).filter_map(map), limit))
}

/// The page of a kind the vendor lacks: empty, and no record can be a cursor into it.
pub fn empty_page(from: Option<&str>) -> Option<UnifiedPage> {
    from.is_none().then(UnifiedPage::default)
}

/// A refusal for a kind the vendor cannot create.
pub fn cannot_create(vendor: &str, kind: UnifiedKind, why: &str) -> VendorRefusal {
    VendorRefusal {
        code: "not_supported".into(),
        message: format!("{vendor} cannot create {kind:?} records: {why}"),
    }
}
