//! Users and the single-AccountOwner rules.

use crate::helpers::{assert_error, spawn_app, Ats};
use futures::future::join_all;
use serde_json::{json, Value};

fn new_user(email: &str, level: &str) -> Value {
    json!({"first_name": "Nina", "last_name": "New", "email": email, "admin_level": level})
}

async fn owners(ats: &Ats) -> Vec<u64> {
    let users = ats.get("/api/v1/users?per_page=100").await;
    users
        .body
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| u["admin_level"] == "AccountOwner")
        .map(|u| u["id"].as_u64().unwrap())
        .collect()
}

async fn user_count(ats: &Ats) -> usize {
    ats.get("/api/v1/users?per_page=100").await.ids().len()
}

#[tokio::test]
async fn users_are_listed_in_pages_with_links() {
    let app = spawn_app().await;
    let owner = app.ats("owner");
    let first = owner.get("/api/v1/users?per_page=3").await;
    assert_eq!(first.ids(), [1, 2, 3]);
    assert_eq!(first.header("x-per-page"), Some("3"));
    let link = first.header("link").unwrap();
    assert!(link.contains("page=2&per_page=3>; rel=\"next\""), "{link}");
    let last = owner.get("/api/v1/users?page=3&per_page=3").await;
    assert_eq!(last.ids(), [7]);
    assert!(!last.header("link").unwrap().contains("next"));
    let capped = owner.get("/api/v1/users?per_page=1000").await;
    assert_eq!(capped.header("x-per-page"), Some("100"));
    assert_error(
        &owner.get("/api/v1/users?page=0").await,
        422,
        "validation_failed",
        Some("page"),
    );
    assert_error(
        &owner.get("/api/v1/users?page=abc").await,
        400,
        "bad_request",
        None,
    );
    let by_email = owner
        .get("/api/v1/users?email=ADAM.admin@northwind.example")
        .await;
    assert_eq!(by_email.ids(), [2]);
    assert_eq!(owner.get("/api/v1/users?active=false").await.ids(), [7]);
}

#[tokio::test]
async fn an_admin_creates_reads_updates_and_deletes_a_user() {
    let app = spawn_app().await;
    let admin = app.ats("admin");
    let created = admin
        .post("/api/v1/users", new_user("nina@northwind.example", "Basic"))
        .await;
    assert_eq!(created.status, 201, "{}", created.body);
    let id = created.body["id"].as_u64().unwrap();
    assert_eq!(created.body["active"], true);
    assert_eq!(created.body["assigned_job_ids"], json!([]));
    assert_eq!(
        admin.get(&format!("/api/v1/users/{id}")).await.body,
        created.body
    );

    let updated = admin
        .put(
            &format!("/api/v1/users/{id}"),
            json!({"user": {"last_name": "Newer", "assigned_job_ids": [1, 2], "phone": "+1 555"}}),
        )
        .await;
    assert_eq!(updated.status, 200, "{}", updated.body);
    assert_eq!(updated.body["last_name"], "Newer");
    assert_eq!(updated.body["first_name"], "Nina");
    assert_eq!(updated.body["assigned_job_ids"], json!([1, 2]));

    assert_eq!(
        admin.delete(&format!("/api/v1/users/{id}")).await.status,
        204
    );
    assert_error(
        &admin.get(&format!("/api/v1/users/{id}")).await,
        404,
        "not_found",
        None,
    );
    assert_error(
        &admin.get("/api/v1/users/abc").await,
        404,
        "not_found",
        None,
    );
}

#[tokio::test]
async fn invalid_users_are_refused_naming_the_field_and_nothing_changes() {
    let app = spawn_app().await;
    let admin = app.ats("admin");
    let before = user_count(&admin).await;

    let reply = admin
        .post("/api/v1/users", json!({"first_name": "X"}))
        .await;
    assert_error(&reply, 422, "validation_failed", Some("email"));
    for field in ["last_name", "admin_level"] {
        assert_error(&reply, 422, "validation_failed", Some(field));
    }
    let level = admin
        .post("/api/v1/users", new_user("a@northwind.example", "Boss"))
        .await;
    assert_error(&level, 422, "validation_failed", Some("admin_level"));
    let message = level.body["errors"][0]["message"].as_str().unwrap();
    for allowed in ["AccountOwner", "Admin", "Basic", "Limited", "ReadOnly"] {
        assert!(message.contains(allowed), "{message}");
    }
    let duplicate = admin
        .post(
            "/api/v1/users",
            new_user("Adam.ADMIN@northwind.example", "Basic"),
        )
        .await;
    assert_error(&duplicate, 422, "validation_failed", Some("email"));
    let wrong_type = admin
        .post(
            "/api/v1/users",
            json!({"first_name": 5, "last_name": "x", "email": "q@q.io", "admin_level": "Basic"}),
        )
        .await;
    assert_error(&wrong_type, 422, "validation_failed", Some("first_name"));
    let bad_email = admin
        .post("/api/v1/users", new_user("not-an-email", "Basic"))
        .await;
    assert_error(&bad_email, 422, "validation_failed", Some("email"));
    let mut unknown_jobs = new_user("jobs@northwind.example", "Basic");
    unknown_jobs["assigned_job_ids"] = json!([1, 999]);
    unknown_jobs["assigned_site_ids"] = json!([42]);
    let reply = admin.post("/api/v1/users", unknown_jobs).await;
    assert_error(&reply, 422, "validation_failed", Some("assigned_job_ids"));
    assert_error(&reply, 422, "validation_failed", Some("assigned_site_ids"));
    assert!(reply.body["message"].as_str().unwrap().contains("999"));
    let not_json = admin
        .call(reqwest::Method::POST, "/api/v1/users", None)
        .await;
    assert_error(&not_json, 400, "bad_request", None);
    let array = admin.post("/api/v1/users", json!([1, 2])).await;
    assert_error(&array, 422, "validation_failed", Some("body"));
    let taken = admin
        .patch(
            "/api/v1/users/4",
            json!({"email": "mia.manager@NORTHWIND.example"}),
        )
        .await;
    assert_error(&taken, 422, "validation_failed", Some("email"));

    assert_eq!(user_count(&admin).await, before);
    assert_eq!(
        admin.get("/api/v1/users/4").await.body["email"],
        "walt.warehouse@northwind.example"
    );
}

#[tokio::test]
async fn promoting_a_user_demotes_the_owner_in_one_call() {
    let app = spawn_app().await;
    let owner = app.ats("owner");
    let reply = owner
        .patch("/api/v1/users/3", json!({"admin_level": "AccountOwner"}))
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.body["admin_level"], "AccountOwner");
    assert_eq!(
        owner.get("/api/v1/users/1").await.body["admin_level"],
        "Admin"
    );
    assert_eq!(owners(&owner).await, [3]);
    // The former owner is an Admin now: the owner's record is out of their reach.
    let refused = owner
        .patch("/api/v1/users/3", json!({"first_name": "M"}))
        .await;
    assert_error(&refused, 403, "forbidden", None);
    // The control plane shows the new owner's credential as the tenant's.
    let tenant = app
        .admin(reqwest::Method::GET, "/tenants/atsanywhere-default", None)
        .await;
    assert_eq!(tenant.body["credentials"]["api_key"], "demo-manager-key");
}

#[tokio::test]
async fn creating_an_account_owner_transfers_ownership() {
    let app = spawn_app().await;
    let owner = app.ats("owner");
    let reply = owner
        .post(
            "/api/v1/users",
            new_user("boss@northwind.example", "AccountOwner"),
        )
        .await;
    assert_eq!(reply.status, 201, "{}", reply.body);
    let id = reply.body["id"].as_u64().unwrap();
    assert_eq!(owners(&owner).await, [id]);
    assert_eq!(
        owner.get("/api/v1/users/1").await.body["admin_level"],
        "Admin"
    );
}

#[tokio::test]
async fn only_the_owner_can_assign_ownership_or_touch_the_owner() {
    let app = spawn_app().await;
    let admin = app.ats("admin");
    let reply = admin
        .patch("/api/v1/users/3", json!({"admin_level": "AccountOwner"}))
        .await;
    assert_error(&reply, 403, "forbidden", None);
    let reply = admin
        .post(
            "/api/v1/users",
            new_user("x@northwind.example", "AccountOwner"),
        )
        .await;
    assert_error(&reply, 403, "forbidden", None);
    let reply = admin
        .patch("/api/v1/users/1", json!({"first_name": "Eve"}))
        .await;
    assert_error(&reply, 403, "forbidden", None);
    assert_eq!(owners(&admin).await, [1]);
    assert_eq!(
        admin.get("/api/v1/users/1").await.body["first_name"],
        "Olivia"
    );
}

#[tokio::test]
async fn nothing_leaves_the_company_without_an_owner() {
    let app = spawn_app().await;
    let owner = app.ats("owner");
    for body in [
        json!({"admin_level": "Admin"}),
        json!({"admin_level": "ReadOnly", "first_name": "Changed"}),
        json!({"active": false}),
    ] {
        let reply = owner.patch("/api/v1/users/1", body).await;
        assert_error(&reply, 422, "account_owner_required", None);
    }
    assert_error(
        &owner.delete("/api/v1/users/1").await,
        422,
        "account_owner_required",
        None,
    );
    let me = owner.get("/api/v1/users/1").await.body;
    assert_eq!(me["admin_level"], "AccountOwner");
    assert_eq!(me["first_name"], "Olivia");
    assert_eq!(me["active"], true);
    // An inactive user cannot be handed ownership either.
    let reply = owner
        .patch("/api/v1/users/7", json!({"admin_level": "AccountOwner"}))
        .await;
    assert_error(&reply, 422, "account_owner_required", None);
    assert_eq!(owners(&owner).await, [1]);
}

#[tokio::test]
async fn levels_below_admin_cannot_manage_users() {
    let app = spawn_app().await;
    for who in ["manager", "reviewer", "readonly"] {
        let ats = app.ats(who);
        let reply = ats
            .post("/api/v1/users", new_user(&format!("{who}@x.io"), "Basic"))
            .await;
        assert_error(&reply, 403, "forbidden", None);
        assert_error(
            &ats.patch("/api/v1/users/4", json!({"first_name": "Q"}))
                .await,
            403,
            "forbidden",
            None,
        );
        assert_error(&ats.delete("/api/v1/users/4").await, 403, "forbidden", None);
        // Reading is fine.
        assert_eq!(ats.get("/api/v1/users/4").await.status, 200);
    }
}

/// Many promotions at once, from the owner's credential: the first one to land demotes the
/// owner, so every other one is refused; the company ends with exactly one owner. Concurrent
/// partial updates of other users, interleaved with them, lose nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn simultaneous_promotions_end_with_exactly_one_owner_and_no_lost_update() {
    let app = spawn_app().await;
    let owner = app.ats("owner");
    let admin = app.ats("admin");
    let mut ids = Vec::new();
    for i in 0..16 {
        let reply = admin
            .post(
                "/api/v1/users",
                new_user(&format!("c{i}@northwind.example"), "Basic"),
            )
            .await;
        ids.push(reply.body["id"].as_u64().unwrap());
    }
    let (promoted, edited) = ids.split_at(8);
    let promotions = promoted.iter().map(|id| {
        let owner = owner.clone();
        let path = format!("/api/v1/users/{id}");
        async move {
            owner
                .patch(&path, json!({"admin_level": "AccountOwner"}))
                .await
        }
    });
    let first_names = edited.iter().map(|id| {
        let admin = admin.clone();
        let path = format!("/api/v1/users/{id}");
        async move {
            admin
                .patch(&path, json!({"first_name": format!("F{id}")}))
                .await
        }
    });
    let phones = edited.iter().map(|id| {
        let admin = admin.clone();
        let path = format!("/api/v1/users/{id}");
        async move {
            admin
                .patch(&path, json!({"phone": format!("+1 {id}")}))
                .await
        }
    });
    let (promotions, _, _) = futures::join!(
        join_all(promotions),
        join_all(first_names),
        join_all(phones)
    );
    let succeeded: Vec<u64> = promotions
        .iter()
        .filter(|r| r.status == 200)
        .map(|r| r.body["id"].as_u64().unwrap())
        .collect();
    assert_eq!(succeeded.len(), 1, "exactly one promotion lands");
    for refused in promotions.iter().filter(|r| r.status != 200) {
        assert_error(refused, 403, "forbidden", None);
    }
    let everyone = app.ats_with("demo-admin-key", "demo-admin-password");
    assert_eq!(owners(&everyone).await, succeeded);
    assert_eq!(
        everyone.get("/api/v1/users/1").await.body["admin_level"],
        "Admin"
    );
    for id in edited {
        let user = everyone.get(&format!("/api/v1/users/{id}")).await.body;
        assert_eq!(user["first_name"], format!("F{id}"), "{user}");
        assert_eq!(user["phone"], format!("+1 {id}"), "{user}");
    }
}
