//! SmartRecruiters lists: `limit` (1 to 100; default 10, users 100) and `pageId` from the
//! previous page's `nextPageId` (present and null on the last page), answered as
//! `{limit, offset, nextPageId, totalFound, content}` (users: `{limit, nextPageId, content}`)
//! with a `Link: <...>; rel="next"` header while there is a next page.
//!
//! A `pageId` is opaque: base64url of the offset and the sequence number of the last record
//! shown, so the next page is a range read after it. An unreadable `pageId` is a 400.

use super::error::SrError;
use super::input::query;
use super::store::{Keyed, Table};
use actix_web::http::header::{self, ContentType};
use actix_web::{HttpRequest, HttpResponse, ResponseError};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::Serialize;
use serde_json::{json, Value};

pub const MAX_LIMIT: usize = 100;

#[derive(Debug, Clone, Copy)]
pub struct PageParams {
    pub limit: usize,
    offset: usize,
    after: u64,
}

fn encode(offset: usize, seq: u64) -> String {
    URL_SAFE_NO_PAD.encode(format!("{offset}:{seq}"))
}

fn decode(raw: &str) -> Option<(usize, u64)> {
    let bytes = URL_SAFE_NO_PAD.decode(raw.trim()).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    let (offset, seq) = text.split_once(':')?;
    Some((offset.parse().ok()?, seq.parse().ok()?))
}

impl PageParams {
    pub fn from_query(req: &HttpRequest, default_limit: usize) -> Result<Self, SrError> {
        let limit = match query(req, "limit") {
            None => default_limit,
            Some(raw) => raw
                .parse::<usize>()
                .ok()
                .filter(|l| (1..=MAX_LIMIT).contains(l))
                .ok_or_else(|| {
                    SrError::invalid(
                        "limit",
                        format!("'{raw}' is not an integer from 1 to {MAX_LIMIT}"),
                    )
                })?,
        };
        let (offset, after) = match query(req, "pageId") {
            None => (0, 0),
            Some(raw) => decode(&raw).ok_or_else(|| {
                SrError::invalid("pageId", format!("'{raw}' is not a pageId this list gave"))
            })?,
        };
        Ok(Self {
            limit,
            offset,
            after,
        })
    }
}

/// One page of a list.
pub struct Page<R = Value> {
    pub limit: usize,
    pub offset: usize,
    pub next_page_id: Option<String>,
    pub total_found: usize,
    pub content: Vec<R>,
}

/// Pages `table` in creation order. `keep` filters (`None`: no filter, so the total is the
/// table's size and the page costs O(limit); with a filter the total costs a scan).
pub fn page<'t, T: Keyed, R>(
    table: &'t Table<T>,
    params: PageParams,
    keep: Option<&dyn Fn(&T) -> bool>,
    render: impl Fn(&'t T) -> R,
) -> Page<R> {
    let total_found = match keep {
        None => table.len(),
        Some(k) => table.values().filter(|r| k(r)).count(),
    };
    cut(table.after(params.after), params, keep, total_found, render)
}

/// Pages the rows `seqs` name (ascending sequence numbers, from an index), so a list narrowed by
/// an index costs O(rows in the index), not O(table).
pub fn page_of<'t, T: Keyed, R>(
    table: &'t Table<T>,
    seqs: &std::collections::BTreeSet<u64>,
    params: PageParams,
    keep: &dyn Fn(&T) -> bool,
    render: impl Fn(&'t T) -> R,
) -> Page<R> {
    let rows = |from: u64| {
        seqs.range(from..)
            .filter_map(|seq| table.at(*seq).map(|row| (*seq, row)))
    };
    let total_found = rows(0).filter(|(_, r)| keep(r)).count();
    cut(
        rows(params.after.saturating_add(1)),
        params,
        Some(keep),
        total_found,
        render,
    )
}

fn cut<'t, T: 't, R>(
    rows: impl Iterator<Item = (u64, &'t T)>,
    params: PageParams,
    keep: Option<&dyn Fn(&T) -> bool>,
    total_found: usize,
    render: impl Fn(&'t T) -> R,
) -> Page<R> {
    let mut content = Vec::with_capacity(params.limit);
    let mut last = params.after;
    let mut more = false;
    for (seq, row) in rows {
        if !keep.is_none_or(|k| k(row)) {
            continue;
        }
        if content.len() == params.limit {
            more = true;
            break;
        }
        content.push(render(row));
        last = seq;
    }
    Page {
        limit: params.limit,
        offset: params.offset,
        next_page_id: more.then(|| encode(params.offset + content.len(), last)),
        total_found,
        content,
    }
}

/// Whether a list body is the full shape or the Users API's (`{limit, nextPageId, content}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Full,
    Users,
}

/// The list response, with the `Link` header while there is a next page.
pub fn respond<R: Serialize>(req: &HttpRequest, page: Page<R>, shape: Shape) -> HttpResponse {
    let mut response = HttpResponse::Ok();
    if let Some(next) = &page.next_page_id {
        let mut pairs: Vec<(String, String)> =
            serde_urlencoded::from_str::<Vec<(String, String)>>(req.query_string())
                .unwrap_or_default()
                .into_iter()
                .filter(|(k, _)| k != "pageId" && k != "limit")
                .collect();
        pairs.insert(0, ("limit".into(), page.limit.to_string()));
        pairs.push(("pageId".into(), next.clone()));
        let query = serde_urlencoded::to_string(&pairs).unwrap_or_default();
        let info = req.connection_info();
        let link = format!(
            "<{}://{}{}?{query}>; rel=\"next\"",
            info.scheme(),
            info.host(),
            req.path()
        );
        response.insert_header((header::LINK, link));
    }
    let full = shape == Shape::Full;
    let body = ListBody {
        limit: page.limit,
        offset: full.then_some(page.offset),
        next_page_id: &page.next_page_id,
        total_found: full.then_some(page.total_found),
        content: &page.content,
    };
    let mut bytes = Vec::with_capacity(256 + page.content.len() * 1280);
    match serde_json::to_writer(&mut bytes, &body) {
        Ok(()) => response.content_type(ContentType::json()).body(bytes),
        Err(e) => SrError::new(
            actix_web::http::StatusCode::INTERNAL_SERVER_ERROR,
            "INTERNAL_ERROR",
            format!("the answer could not be written: {e}"),
        )
        .error_response(),
    }
}

/// A list body, written as it stands (the page's records are not copied into a tree).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ListBody<'a, R> {
    limit: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    offset: Option<usize>,
    next_page_id: &'a Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    total_found: Option<usize>,
    content: &'a [R],
}

/// A configuration list: `{totalFound, content}`.
pub fn listing(content: Vec<Value>) -> HttpResponse {
    HttpResponse::Ok().json(json!({ "totalFound": content.len(), "content": content }))
}
