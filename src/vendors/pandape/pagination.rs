//! Pandapé lists: `Page` (from 1, default 1) and `PageSize` (default 20, 1 to 100), answered as
//! `{currentPage, pageSize, totalItems, totalPages, items}`.

use super::error::PandapeError;
use super::input::query;
use actix_web::HttpRequest;
use serde::Serialize;
use utoipa::ToSchema;

pub const DEFAULT_PAGE_SIZE: usize = 20;
pub const MAX_PAGE_SIZE: usize = 100;

#[derive(Debug, Clone, Copy)]
pub struct PageRequest {
    page: usize,
    size: usize,
}

impl PageRequest {
    pub fn from_query(req: &HttpRequest) -> Result<Self, PandapeError> {
        let page = query::<usize>(req, "Page")?.unwrap_or(1);
        let size = query::<usize>(req, "PageSize")?.unwrap_or(DEFAULT_PAGE_SIZE);
        if page == 0 {
            return Err(PandapeError::field(
                "Page",
                "The field Page must be greater than or equal to 1.",
            ));
        }
        if !(1..=MAX_PAGE_SIZE).contains(&size) {
            return Err(PandapeError::field(
                "PageSize",
                format!("The field PageSize must be between 1 and {MAX_PAGE_SIZE}."),
            ));
        }
        Ok(Self { page, size })
    }

    /// Cuts the page out of `records`, counting them all for `totalItems`.
    pub fn cut<'a, T: Clone + 'a>(&self, records: impl Iterator<Item = &'a T>) -> Page<T> {
        let mut total = 0;
        let skip = (self.page - 1) * self.size;
        let mut items = Vec::with_capacity(self.size);
        for record in records {
            if total >= skip && items.len() < self.size {
                items.push(record.clone());
            }
            total += 1;
        }
        Page {
            current_page: self.page,
            page_size: self.size,
            total_items: total,
            total_pages: total.div_ceil(self.size),
            items,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Page<T> {
    pub current_page: usize,
    pub page_size: usize,
    pub total_items: usize,
    pub total_pages: usize,
    pub items: Vec<T>,
}
