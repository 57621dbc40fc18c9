// The migrations are compiled in (`sqlx::migrate!`): a new or changed one must rebuild.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
