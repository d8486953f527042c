//! The Users API: list and pagination, create, `me`, JSON Patch, activation, emails, roles and
//! access groups.

use super::user;
use crate::helpers::{assert_sr_error, spawn_app, Sr};
use reqwest::Method;
use serde_json::json;

const USERS: &str = "/user-api/v201804/users";

fn new_user(email: &str, role: &str) -> serde_json::Value {
    json!({"email": email, "firstName": "Nia", "lastName": "New", "systemRole": {"id": role}})
}

#[tokio::test]
async fn users_list_with_q_updated_after_and_page_ids() {
    let app = spawn_app().await;
    let sr = app.sr("employee");
    let all = sr.get(USERS).await;
    assert_eq!(all.status, 200, "{}", all.body);
    assert_eq!(
        (all.body["limit"].as_u64(), Sr::ids(&all).len()),
        (Some(100), 6)
    );
    assert!(all.body.get("totalFound").is_none() && all.body["nextPageId"].is_null());
    assert!(all.body["content"][0].get("location").is_none());
    let first = sr.get(&format!("{USERS}?limit=4")).await;
    let rest = sr
        .get(&format!(
            "{USERS}?limit=4&pageId={}",
            first.body["nextPageId"].as_str().unwrap()
        ))
        .await;
    assert_eq!(Sr::ids(&rest), vec![user(5), user(6)]);
    assert_eq!(
        Sr::ids(&sr.get(&format!("{USERS}?q=ADMIN")).await),
        vec![user(5)]
    );
    assert_eq!(
        Sr::ids(&sr.get(&format!("{USERS}?q=acme.example%20former")).await),
        vec![user(6)]
    );
    assert_eq!(
        Sr::ids(
            &sr.get(&format!("{USERS}?updatedAfter=2026-01-02T00:00:00Z"))
                .await
        ),
        vec![user(6)]
    );
    assert_eq!(sr.get(&format!("{USERS}/me")).await.body["id"], user(1));
    assert_eq!(
        sr.get(&format!("{USERS}/{}", user(2))).await.body["systemRole"]["name"],
        "Restricted"
    );
    assert_sr_error(
        &sr.get(&format!("{USERS}/nope")).await,
        404,
        "NOT_FOUND",
        None,
    );
}

#[tokio::test]
async fn only_administrators_create_and_change_users() {
    let app = spawn_app().await;
    let admin = app.sr("admin");
    assert_sr_error(
        &app.sr("extended")
            .post(USERS, new_user("n@acme.example", "EMPLOYEE"))
            .await,
        403,
        "FORBIDDEN",
        Some("ADMINISTRATOR"),
    );
    assert_sr_error(
        &admin.post(USERS, new_user("bad", "EMPLOYEE")).await,
        400,
        "INVALID_FIELD",
        Some("email"),
    );
    assert_sr_error(
        &admin
            .post(USERS, new_user("STANDARD@acme.example", "EMPLOYEE"))
            .await,
        409,
        "CONFLICT",
        Some("already exists"),
    );
    assert_sr_error(
        &admin.post(USERS, new_user("n@acme.example", "BOSS")).await,
        400,
        "INVALID_FIELD",
        Some("systemRole.id"),
    );
    assert_sr_error(
        &admin
            .post(
                USERS,
                json!({"email": "n@acme.example", "firstName": "A", "lastName": "B"}),
            )
            .await,
        400,
        "MISSING_FIELD",
        Some("systemRole"),
    );
    let made = admin
        .post(USERS, new_user("n@acme.example", "STANDARD"))
        .await;
    assert_eq!(made.status, 201, "{}", made.body);
    assert_eq!(
        (
            made.body["active"].as_bool(),
            made.body["language"]["code"].as_str()
        ),
        (Some(true), Some("en"))
    );
    let id = made.body["id"].as_str().unwrap().to_owned();
    assert_eq!(id.len(), 24);
    let patched = admin
        .patch(
            &format!("{USERS}/{id}"),
            json!([
                {"op": "replace", "path": "/systemRole/id", "value": "EXTENDED"},
                {"op": "replace", "path": "/lastName", "value": "Changed"},
            ]),
        )
        .await;
    assert_eq!(patched.status, 200, "{}", patched.body);
    assert_eq!(
        (
            patched.body["systemRole"]["id"].as_str(),
            patched.body["lastName"].as_str()
        ),
        (Some("EXTENDED"), Some("Changed"))
    );
    assert_sr_error(
        &admin
            .patch(
                &format!("{USERS}/{id}"),
                json!([{"op": "replace", "path": "/email", "value": "not-an-email"}]),
            )
            .await,
        400,
        "INVALID_FIELD",
        Some("email"),
    );
    assert_sr_error(
        &admin
            .patch(
                &format!("{USERS}/{id}"),
                json!([{"op": "replace", "path": "/email", "value": "admin@acme.example"}]),
            )
            .await,
        409,
        "CONFLICT",
        None,
    );
    assert_sr_error(
        &app.sr("standard")
            .patch(&format!("{USERS}/{id}"), json!([]))
            .await,
        403,
        "FORBIDDEN",
        None,
    );
}

#[tokio::test]
async fn activation_emails_and_the_last_administrator() {
    let app = spawn_app().await;
    let admin = app.sr("admin");
    let former = format!("{USERS}/{}", user(6));
    assert_sr_error(
        &admin
            .post(&format!("{former}/reset-password"), json!({}))
            .await,
        409,
        "CONFLICT",
        Some("inactive"),
    );
    assert_eq!(
        admin
            .call(Method::POST, &format!("{former}/activation-email"), None)
            .await
            .status,
        204
    );
    assert_eq!(
        admin
            .put(&format!("{former}/activation"), json!({}))
            .await
            .status,
        204
    );
    assert_eq!(admin.get(&former).await.body["active"], true);
    assert_eq!(
        app.sr("former").get("/jobs").await.status,
        200,
        "its key works again"
    );
    assert_sr_error(
        &admin
            .call(Method::POST, &format!("{former}/activation-email"), None)
            .await,
        409,
        "CONFLICT",
        Some("already active"),
    );
    assert_eq!(
        admin
            .call(Method::POST, &format!("{former}/reset-password"), None)
            .await
            .status,
        204
    );
    // The emails are in the tenant's state, for the control plane.
    let snapshot = app
        .admin(
            Method::GET,
            "/tenants/smartrecruiters-default/snapshot",
            None,
        )
        .await;
    let kinds: Vec<&str> = snapshot.body["state"]["emails"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["activation", "password-reset"]);
    assert_eq!(
        snapshot.body["state"]["emails"][0]["to"],
        "former@acme.example"
    );
    let tenant = app
        .admin(Method::GET, "/tenants/smartrecruiters-default", None)
        .await;
    assert_eq!(tenant.body["counts"]["emails"], 2);

    let me = format!("{USERS}/{}", user(5));
    assert_sr_error(
        &admin.delete(&format!("{me}/activation")).await,
        409,
        "CONFLICT",
        Some("themselves"),
    );
    let demote = json!([{"op": "replace", "path": "/systemRole/id", "value": "STANDARD"}]);
    assert_sr_error(
        &admin.patch(&me, demote).await,
        409,
        "CONFLICT",
        Some("ADMINISTRATOR"),
    );
}

#[tokio::test]
async fn system_roles_and_access_groups() {
    let app = spawn_app().await;
    let sr = app.sr("restricted");
    let roles = sr.get("/user-api/v201804/system-roles").await;
    let ids: Vec<&str> = roles.body["content"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "EMPLOYEE",
            "RESTRICTED",
            "STANDARD",
            "EXTENDED",
            "ADMINISTRATOR"
        ]
    );
    assert_eq!(
        sr.get("/user-api/v201804/access-groups").await.body["content"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let admin = app.sr("admin");
    let assign = "/user-api/v201804/access-groups/ag-emea/users";
    assert_sr_error(
        &sr.post(assign, json!({"userIds": [user(1)]})).await,
        403,
        "FORBIDDEN",
        None,
    );
    assert_sr_error(
        &admin
            .post(assign, json!({"userIds": [user(1), "nope"]}))
            .await,
        400,
        "INVALID_FIELD",
        Some("userIds[1]"),
    );
    assert!(
        admin.get(&format!("{USERS}/{}", user(1))).await.body["accessGroups"]
            .as_array()
            .unwrap()
            .is_empty(),
        "all or nothing"
    );
    assert_eq!(
        admin
            .post(assign, json!({"userIds": [user(1), user(2)]}))
            .await
            .status,
        200
    );
    assert_eq!(
        admin.get(&format!("{USERS}/{}", user(1))).await.body["accessGroups"],
        json!([{"id": "ag-emea", "name": "EMEA recruiting"}])
    );
    assert_eq!(
        admin.delete(&format!("{assign}/{}", user(1))).await.status,
        204
    );
    assert_sr_error(
        &admin.delete(&format!("{assign}/{}", user(1))).await,
        404,
        "NOT_FOUND",
        None,
    );
    assert_sr_error(
        &admin
            .post(
                "/user-api/v201804/access-groups/nope/users",
                json!({"userIds": []}),
            )
            .await,
        404,
        "NOT_FOUND",
        None,
    );
}
