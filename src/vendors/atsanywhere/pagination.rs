//! ATS Anywhere lists: `page` (from 1) and `per_page` (default 50, at most 100). The body is a
//! JSON array; `X-Page` and `X-Per-Page` echo the page, and `Link` carries `rel="next"` (and
//! `rel="prev"`) when there is one. Pages are cut from an iterator, so an unfiltered list of an
//! insertion-ordered map costs O(page), not O(total).

use super::error::AtsError;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};
use utoipa::IntoParams;

pub const DEFAULT_PER_PAGE: u32 = 50;
pub const MAX_PER_PAGE: u32 = 100;

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// Page number, from 1.
    pub page: Option<u32>,
    /// Records per page: default 50, at most 100.
    pub per_page: Option<u32>,
}

impl PageQuery {
    fn resolve(&self) -> Result<(u32, u32), AtsError> {
        let page = self.page.unwrap_or(1);
        if page == 0 {
            return Err(AtsError::field("page", "must be 1 or more"));
        }
        let per_page = self.per_page.unwrap_or(DEFAULT_PER_PAGE);
        if per_page == 0 {
            return Err(AtsError::field("per_page", "must be between 1 and 100"));
        }
        Ok((page, per_page.min(MAX_PER_PAGE)))
    }
}

/// One page of records, already written as its JSON array (under the store's read lock, so
/// no record is copied to outlive it).
pub struct Page {
    body: Vec<u8>,
    page: u32,
    per_page: u32,
    more: bool,
}

/// Cuts the requested page out of `records` and writes it.
pub fn paginate<'a, T: Serialize + 'a>(
    records: impl Iterator<Item = &'a T>,
    query: &PageQuery,
) -> Result<Page, AtsError> {
    let (page, per_page) = query.resolve()?;
    let skip = (page as usize - 1) * per_page as usize;
    let mut items: Vec<&T> = records.skip(skip).take(per_page as usize + 1).collect();
    let more = items.len() > per_page as usize;
    items.truncate(per_page as usize);
    let body = serde_json::to_vec(&items)
        .map_err(|e| AtsError::Status(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
    Ok(Page {
        body,
        page,
        per_page,
        more,
    })
}

fn page_link(req: &HttpRequest, page: u32, per_page: u32) -> String {
    let info = req.connection_info();
    let mut query: Vec<&str> = req
        .query_string()
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with("page=") && !p.starts_with("per_page="))
        .collect();
    let paging = format!("page={page}&per_page={per_page}");
    query.push(&paging);
    format!(
        "{}://{}{}?{}",
        info.scheme(),
        info.host(),
        req.path(),
        query.join("&")
    )
}

impl Page {
    pub fn respond(self, req: &HttpRequest) -> HttpResponse {
        let mut links = Vec::new();
        if self.more {
            links.push(format!(
                "<{}>; rel=\"next\"",
                page_link(req, self.page + 1, self.per_page)
            ));
        }
        if self.page > 1 {
            links.push(format!(
                "<{}>; rel=\"prev\"",
                page_link(req, self.page - 1, self.per_page)
            ));
        }
        let mut response = HttpResponse::Ok();
        response
            .insert_header(("X-Page", self.page.to_string()))
            .insert_header(("X-Per-Page", self.per_page.to_string()));
        if !links.is_empty() {
            response.insert_header(("Link", links.join(", ")));
        }
        response.content_type("application/json").body(self.body)
    }
}
