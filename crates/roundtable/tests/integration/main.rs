//! One integration-test binary: every test starts the real application on port 0 against
//! a fresh database and talks HTTP to it. Storage tests run on SQLite always and on
//! PostgreSQL when `ROUNDTABLE_TEST_POSTGRES_URL` is set.

mod common;

mod accounts;
mod analyze;
mod announcements;
mod api;
mod backup;
mod bulk_invitations;
mod champions;
mod chat;
mod chat_events;
mod chat_files;
mod chat_live;
mod chat_moderation;
mod chat_rooms;
mod cli;
mod confirm;
mod directory;
mod events;
mod experts;
mod exports;
mod factors;
mod first_week;
mod forums;
mod groups;
mod health;
mod home;
mod impact;
mod imports;
mod initiative_news;
mod initiatives;
mod layers;
mod library;
mod limits;
mod mail;
mod matrix;
mod metrics;
mod network;
mod notify;
mod passkeys;
mod privacy;
mod recovery;
mod search;
mod security;
mod site;
mod smtp;
mod webhooks;
