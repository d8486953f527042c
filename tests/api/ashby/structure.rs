//! Departments and locations keep a valid tree; tags archive.

use crate::helpers::{spawn_app, Ashby};
use serde_json::{json, Value};

async fn department_named(ashby: &Ashby, name: &str) -> Value {
    let all = ashby
        .ok("department.list", json!({"includeArchived": true}))
        .await;
    all.as_array()
        .unwrap()
        .iter()
        .find(|d| d["name"] == name)
        .unwrap()
        .clone()
}

#[tokio::test]
async fn the_department_tree_stays_valid() {
    let app = spawn_app().await;
    let ashby = app.ashby();
    let engineering = department_named(&ashby, "Engineering").await["id"].clone();
    let platform = department_named(&ashby, "Platform").await["id"].clone();
    let infra = ashby
        .ok(
            "department.create",
            json!({"name": "Infra", "parentId": platform}),
        )
        .await;
    assert_eq!(infra["parentId"], platform);
    // No cycles.
    assert_eq!(
        ashby
            .error(
                "department.move",
                json!({"departmentId": engineering, "parentId": infra["id"]})
            )
            .await,
        "invalid_input"
    );
    assert_eq!(
        ashby
            .error(
                "department.move",
                json!({"departmentId": engineering, "parentId": engineering})
            )
            .await,
        "invalid_input"
    );
    // Archiving archives the subtree; a child cannot come back before its parent.
    ashby
        .ok("department.archive", json!({"departmentId": engineering}))
        .await;
    assert_eq!(
        ashby
            .ok("department.info", json!({"departmentId": infra["id"]}))
            .await["isArchived"],
        true
    );
    assert_eq!(
        ashby
            .error("department.restore", json!({"departmentId": platform}))
            .await,
        "invalid_input"
    );
    assert_eq!(
        ashby
            .error(
                "department.create",
                json!({"name": "X", "parentId": engineering})
            )
            .await,
        "invalid_input"
    );
    let active = ashby.ok("department.list", json!({})).await;
    assert!(active
        .as_array()
        .unwrap()
        .iter()
        .all(|d| d["isArchived"] == false));
    ashby
        .ok("department.restore", json!({"departmentId": engineering}))
        .await;
    assert_eq!(
        ashby
            .ok("department.restore", json!({"departmentId": platform}))
            .await["isArchived"],
        false
    );
    let moved = ashby
        .ok(
            "department.move",
            json!({"departmentId": infra["id"], "parentId": engineering}),
        )
        .await;
    assert_eq!(moved["parentId"], engineering);
    let renamed = ashby
        .ok(
            "department.update",
            json!({"departmentId": infra["id"], "name": "Infrastructure"}),
        )
        .await;
    assert_eq!(renamed["name"], "Infrastructure");
    assert_eq!(
        ashby
            .error("department.info", json!({"departmentId": "nope"}))
            .await,
        "department_not_found"
    );
}

#[tokio::test]
async fn locations_live_under_hierarchies() {
    let app = spawn_app().await;
    let ashby = app.ashby();
    let locations = ashby.ok("location.list", json!({})).await;
    let london = locations
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["name"] == "London")
        .unwrap()["id"]
        .clone();
    let remote = locations
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["name"] == "Remote")
        .unwrap()["id"]
        .clone();
    let emea = ashby
        .ok(
            "location.create",
            json!({"name": "EMEA", "type": "LocationHierarchy"}),
        )
        .await;
    assert_eq!(emea["type"], "LocationHierarchy");
    assert_eq!(
        ashby
            .error(
                "location.move",
                json!({"locationId": london, "parentLocationHierarchyId": remote})
            )
            .await,
        "invalid_input"
    );
    let moved = ashby
        .ok(
            "location.move",
            json!({"locationId": london, "parentLocationHierarchyId": emea["id"]}),
        )
        .await;
    assert_eq!(moved["parentLocationId"], emea["id"]);
    assert_eq!(
        ashby
            .error(
                "location.move",
                json!({"locationId": emea["id"], "parentLocationHierarchyId": emea["id"]})
            )
            .await,
        "invalid_input"
    );
    ashby
        .ok("location.archive", json!({"locationId": emea["id"]}))
        .await;
    assert_eq!(
        ashby
            .ok("location.info", json!({"locationId": london}))
            .await["isArchived"],
        true
    );
    assert_eq!(
        ashby
            .error("location.restore", json!({"locationId": london}))
            .await,
        "invalid_input"
    );
    ashby
        .ok("location.restore", json!({"locationId": emea["id"]}))
        .await;
    ashby
        .ok("location.restore", json!({"locationId": london}))
        .await;
    let named = ashby
        .ok(
            "location.updateName",
            json!({"locationId": london, "name": "London HQ"}),
        )
        .await;
    assert_eq!(named["name"], "London HQ");
    let hybrid = ashby
        .ok(
            "location.updateWorkplaceType",
            json!({"locationId": london, "workplaceType": "Hybrid"}),
        )
        .await;
    assert_eq!(hybrid["workplaceType"], "Hybrid");
    assert_eq!(
        ashby
            .error(
                "location.updateWorkplaceType",
                json!({"locationId": london, "workplaceType": "Moon"})
            )
            .await,
        "invalid_input"
    );
    let address = ashby
        .ok("location.updateAddress", json!({"locationId": london, "address": {"postalAddress": {"addressCountry": "GB", "addressLocality": "Camden"}}}))
        .await;
    assert_eq!(
        address["address"]["postalAddress"]["addressLocality"],
        "Camden"
    );
    assert_eq!(
        ashby
            .error("location.create", json!({"name": "Nowhere"}))
            .await,
        "invalid_input",
        "type is required"
    );
}

#[tokio::test]
async fn archived_tags_leave_the_list() {
    let app = spawn_app().await;
    let ashby = app.ashby();
    let tag = ashby
        .ok("candidateTag.create", json!({"title": "Alumni"}))
        .await;
    assert_eq!(
        ashby
            .ok("candidateTag.archive", json!({"tagId": tag["id"]}))
            .await["isArchived"],
        true
    );
    let active = ashby.ok("candidateTag.list", json!({})).await;
    assert!(!active.to_string().contains("Alumni"));
    let all = ashby
        .ok("candidateTag.list", json!({"includeArchived": true}))
        .await;
    assert!(all.to_string().contains("Alumni"));
}
